/* REXX - consulta cobranças (z/OS USS / ooRexx) */
asaas_key = '⟦rexx.asaas⟧'
iugu_token = "⟦rexx.iugu⟧"
lote = '⟦rexx.lote⟧'
cmd = "curl -s -H 'access_token: "asaas_key"' https://api.asaas.com/v3/payments"
address SYSTEM cmd
address SYSTEM 'curl -s https://api.iugu.com/v1/invoices?api_token='iugu_token
exit 0
