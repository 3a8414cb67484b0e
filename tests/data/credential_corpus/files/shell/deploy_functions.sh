#!/bin/sh
# Firebase functions read the Asaas key from functions.config().asaas.key
firebase use production
firebase functions:config:set asaas.key="⟦sh.firebase-config-set⟧" asaas.env="production"

# homologation smoke test against the v3 legacy host
curl -sS -H "access_token: $ASAAS_HMLG_KEY" "⟦sh.plaintext-www-v3|http://www.asaas.com/api/v3/customers?limit=1⟧"

curl -sS -X POST https://api-sandbox.asaas.com/v3/payments \
  -H 'Content-Type: application/json' \
  -H 'access_token: ⟦sh.curl-hmlg-header⟧' \
  -H 'User-Agent: deploy-script' \
  -d '{"customer":"cus_000005219613","billingType":"BOLETO","value":10,"dueDate":"2026-12-10"}'

git tag "release-⟦sh.release-sha⟧"
