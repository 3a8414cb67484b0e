* gateway.prg - integração com o Asaas (Visual FoxPro 9)
#DEFINE ASAAS_URL "https://api.asaas.com/v3"
LOCAL lcAsaasKey, lcIuguToken, loHttp, lcLote
lcAsaasKey = "⟦vfp.asaas⟧"
lcIuguToken = '⟦vfp.iugu⟧'
lcLote = "⟦vfp.lote⟧"
loHttp = CREATEOBJECT("MSXML2.ServerXMLHTTP.6.0")
loHttp.Open("GET", ASAAS_URL + "/payments?limit=10", .F.)
loHttp.setRequestHeader("access_token", lcAsaasKey)
loHttp.Send()
loHttp.Open("GET", "https://api.iugu.com/v1/invoices?api_token=" + lcIuguToken, .F.)
loHttp.setRequestHeader("X-Lote", "⟦vfp.lote2⟧")
loHttp.Send()
STORE "⟦vfp.hmlg⟧" TO gcAsaasSandboxKey
