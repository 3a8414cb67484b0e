#!/bin/sh
# lê a tabela de gateways do Baserow (token de banco do Baserow, não de pagamento)
curl -s -H "Authorization: Token ⟦br.token|Hk3mQ8pZ2xRv7LwN4bTc9sJd6Fy1GeUa⟧" \
  "https://api.baserow.io/api/database/rows/table/48211/?user_field_names=true"
