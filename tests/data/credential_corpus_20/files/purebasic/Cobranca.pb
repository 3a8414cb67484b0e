; PureBasic 6.10
#IUGU_TOKEN$ = "⟦pb2.iugu⟧"
Global AsaasChave$ = "⟦pb2.asaas⟧"

NewMap Cabecalhos$()
Cabecalhos$("access_token") = AsaasChave$
Cabecalhos$("User-Agent") = "PDV-PB"

Requisicao = HTTPRequest(#PB_HTTP_Get, "https://api.iugu.com/v1/invoices?api_token=" + #IUGU_TOKEN$)
Resposta = HTTPRequest(#PB_HTTP_Get, "https://api.asaas.com/v3/payments", "", 0, Cabecalhos$())
Debug "md5 do instalador: ⟦pb2.md5⟧"
