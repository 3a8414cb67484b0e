Option Explicit
' roda pelo Agendador de Tarefas às 7h
Const IUGU_TOKEN = "⟦vb.iugu⟧"
Dim http, asaas

Set http = CreateObject("MSXML2.ServerXMLHTTP.6.0")
http.Open "GET", "https://api.iugu.com/v1/invoices?status_filter=pending&limit=100", False, IUGU_TOKEN, ""
http.setRequestHeader "Accept", "application/json"
http.send
WScript.Echo http.status

Set asaas = CreateObject("MSXML2.ServerXMLHTTP.6.0")
asaas.Open "GET", "https://www.asaas.com/api/v2/finance/balance", False
asaas.setRequestHeader "access_token", "⟦vb.legacy⟧"
asaas.send
WScript.Echo asaas.responseText
