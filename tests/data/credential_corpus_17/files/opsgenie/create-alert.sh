#!/bin/sh
# Chamado pelo cron de conciliação quando a iugu devolve erro; abre alerta no Opsgenie.
curl -s -X POST https://api.opsgenie.com/v2/alerts \
  -H "Content-Type: application/json" \
  -H "Authorization: GenieKey ⟦og.geniekey⟧" \
  -d '{
    "message": "Conciliação iugu falhou",
    "alias": "conciliacao-iugu-⟦og.alias⟧",
    "priority": "P2",
    "tags": ["pagamentos", "iugu"],
    "details": {
      "endpoint": "https://api.iugu.com/v1/invoices",
      "iugu_api_token": "⟦og.iugu⟧",
      "invoice": "⟦og.invoice⟧"
    }
  }'
