/* cobranca.p - OpenEdge ABL 12, OpenEdge.Net HTTP client */
USING OpenEdge.Net.HTTP.*.
USING OpenEdge.Net.HTTP.Lib.ClientLibraryBuilder.

DEFINE VARIABLE cAsaasKey  AS CHARACTER NO-UNDO INITIAL "⟦abl.asaas⟧".
DEFINE VARIABLE cIuguToken AS CHARACTER NO-UNDO INITIAL "⟦abl.iugu⟧".
DEFINE VARIABLE cLoteId    AS CHARACTER NO-UNDO INITIAL "⟦abl.lote⟧".
DEFINE VARIABLE oReq       AS IHttpRequest NO-UNDO.
DEFINE VARIABLE oResp      AS IHttpResponse NO-UNDO.

oReq = RequestBuilder:Get("https://api.asaas.com/v3/payments")
         :AddHeader("access_token", cAsaasKey)
         :Request.
oResp = ClientBuilder:Build():Client:Execute(oReq).

oReq = RequestBuilder:Get("https://api.iugu.com/v1/invoices")
         :UsingBasicAuthentication(NEW OpenEdge.Net.HTTP.Credentials("iugu", cIuguToken, ""))
         :Request.
