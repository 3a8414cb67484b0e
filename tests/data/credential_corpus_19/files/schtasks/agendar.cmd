@echo off
rem Agenda a conciliação das cobranças (roda como SYSTEM)
schtasks /create /tn "Loja\ConciliacaoAsaas" /sc daily /st 06:00 /ru SYSTEM /tr "curl.exe -s -H \"access_token: ⟦st.asaas⟧\" -o C:\loja\cobrancas.json https://api.asaas.com/v3/payments"
schtasks /create /tn "Loja\FaturasIugu" /sc hourly /tr "powershell -NoProfile -Command Invoke-RestMethod 'https://api.iugu.com/v1/invoices?api_token=⟦st.iugu⟧' -OutFile C:\loja\faturas.json"
schtasks /query /tn "Loja\ConciliacaoAsaas" /v /fo LIST
