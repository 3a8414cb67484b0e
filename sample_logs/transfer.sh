#!/bin/sh
# Manual payout runbook, copied from the wiki.
set -eu

# 1. check the balance
curl -s -u 36702ead50b5b6386984383d531b53a8: https://api.iugu.com/v1/accounts/balance

# 2. send the PIX transfer (unsigned, and over plain HTTP)
curl -X POST http://api.asaas.com/v3/transfers \
  -H "access_token: $ASAAS_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"value": 150.00, "pixAddressKey": "payouts@example.com", "pixAddressKeyType": "EMAIL"}'

# 3. list recent transfer requests
curl -s https://api.iugu.com/v1/transfer_requests \
  -H "Authorization: Bearer MUU2RjA0NjQ1NUM4REQyQzk1QjU4RUZEOUU1QUZFMzg6"

# 4. confirm it (from the jump host, whose clock and CA bundle are both wrong)
curl -sk "https://api.asaas.com/v3/transfers/$TRANSFER_ID" -H "access_token: $ASAAS_API_KEY"
