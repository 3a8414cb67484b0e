#!/usr/bin/env bash
set -euo pipefail
repo=loja/cobranca
gh secret set ASAAS_API_KEY --repo "$repo" --body '⟦gh.asaas⟧'
gh secret set IUGU_API_TOKEN --repo "$repo" --env producao --body "⟦gh.iugu⟧"
gh variable set ASAAS_BASE_URL --repo "$repo" --body "https://api.asaas.com/v3"
gh secret set IUGU_TEST_TOKEN -b⟦gh.short⟧ --repo "$repo"
gh secret list --repo "$repo"
