#!/usr/bin/env bash
# Pulls yesterday's paid invoices from iugu into the data warehouse.
set -euo pipefail

TOKEN=⟦sh.token-var-flow⟧
SINCE=$(date -d yesterday +%F)

curl -s -u "$TOKEN:" "https://api.iugu.com/v1/invoices?status_filter=paid&paid_at_from=${SINCE}" \
  | jq -c '.items[]' > "/var/lib/etl/iugu-${SINCE}.jsonl"

# one-off check of a sub-account, left in by the last on-call
curl -s -H "Authorization: Basic ⟦sh.curl-basic-header⟧" https://api.iugu.com/v1/accounts/⟦sh.account-id-path⟧
curl -s "https://api.iugu.com/v1/customers?api_token=⟦sh.curl-query-token⟧&limit=1"
sha256sum "/var/lib/etl/iugu-${SINCE}.jsonl"  # e.g. ⟦sh.sha256-comment⟧
