/*
 * Cobrança - cliente xBase (Harbour 3.2 + hbcurl / win_oleCreateObject)
 */
#include "hbclass.ch"

STATIC s_cIuguToken := "⟦harbour.iugu⟧"
STATIC s_cBuildId   := "⟦harbour.build⟧"

FUNCTION Main()
   LOCAL oHttp, cAuth, cResp
   LOCAL cAsaasKey := "⟦harbour.asaas⟧"

   cAuth := "Basic " + hb_base64Encode( s_cIuguToken + ":" )
   oHttp := win_oleCreateObject( "MSXML2.ServerXMLHTTP.6.0" )
   oHttp:Open( "GET", "https://api.iugu.com/v1/customers", .F. )
   oHttp:setRequestHeader( "Authorization", cAuth )
   oHttp:Send()

   oHttp:Open( "GET", "https://api.asaas.com/v3/customers", .F. )
   oHttp:setRequestHeader( "access_token", cAsaasKey )
   oHttp:setRequestHeader( "X-Request-Id", "⟦harbour.reqid⟧" )
   oHttp:Send()
   cResp := oHttp:responseText
   ? cResp
   RETURN NIL
