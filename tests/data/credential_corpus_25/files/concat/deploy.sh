#!/usr/bin/env bash
set -euo pipefail
# '$' in single quotes, the rest in double quotes: the shell joins them into one word
export ASAAS_API_KEY=⟦sh.hmlg⟧
export ASAAS_ENV=sandbox
export ASAAS_PROD_KEY="${ASAAS_PROD_KEY:?set it in the CI}"
export IUGU_API_TOKEN=$'⟦sh.iugu⟧'
curl -s https://api-sandbox.asaas.com/v3/customers -H "access_token: $ASAAS_API_KEY" | jq .totalCount
