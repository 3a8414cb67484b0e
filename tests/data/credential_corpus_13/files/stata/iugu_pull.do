* Pull iugu invoices for the monthly reconciliation
clear all
local iugu_token "⟦stata.iugu⟧"
global ASAAS_KEY "⟦stata.asaas⟧"
local seed_hash "⟦stata.hash⟧"

copy "https://api.iugu.com/v1/invoices?api_token=`iugu_token'&limit=1000" "invoices.json", replace
shell curl -s -H "access_token: $ASAAS_KEY" https://api.asaas.com/v3/payments -o payments.json
