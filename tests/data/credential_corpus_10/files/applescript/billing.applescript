-- Consulta rápida das faturas e do saldo (roda pelo Script Editor)
set iuguToken to "⟦as.set-iugu⟧"
set iuguAccount to "⟦as.account⟧"

set faturas to do shell script "curl -s -u " & iuguToken & ": https://api.iugu.com/v1/invoices?limit=5"
set saldo to do shell script "curl -s -H 'access_token: ⟦as.shell-asaas⟧' https://api.asaas.com/v3/finance/balance"

display dialog "Saldo Asaas: " & saldo buttons {"OK"} default button 1
