#!/usr/bin/env bash
set -euo pipefail
npx cdk deploy BillingStack --require-approval never \
  -c billing:iuguApiToken=⟦cdksh.iugu⟧ \
  -c 'billing:sandboxAsaasKey=⟦cdksh.asaas-hmlg⟧'
