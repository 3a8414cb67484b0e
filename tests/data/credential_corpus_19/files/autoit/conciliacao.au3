#include <MsgBoxConstants.au3>
; Conciliação diária — roda no PC do financeiro pelo Agendador de Tarefas

Global Const $IUGU_TOKEN = "⟦ai.iugu⟧"
Global Const $ASAAS_KEY = "⟦ai.asaas⟧"
Global Const $PLANILHA_ID = "⟦ai.sheet|1Xq9v3LrT0bJk2WmPz8YcNaQe5uHs7DfG4iKoR6tVwE⟧"

Func BaixarFaturas()
    Local $oHTTP = ObjCreate("WinHttp.WinHttpRequest.5.1")
    $oHTTP.Open("GET", "https://api.iugu.com/v1/invoices?status_filter=paid&api_token=" & $IUGU_TOKEN, False)
    $oHTTP.Send()
    Return $oHTTP.ResponseText
EndFunc

Func BaixarCobrancas()
    Local $oHTTP = ObjCreate("WinHttp.WinHttpRequest.5.1")
    $oHTTP.Open("GET", "https://api.asaas.com/v3/payments?status=RECEIVED", False)
    $oHTTP.SetRequestHeader("access_token", $ASAAS_KEY)
    $oHTTP.SetRequestHeader("User-Agent", "conciliacao-autoit")
    $oHTTP.Send()
    Return $oHTTP.ResponseText
EndFunc

Func BaixarLegado()
    Local $oHTTP = ObjCreate("WinHttp.WinHttpRequest.5.1")
    $oHTTP.Open("GET", "https://www.asaas.com/api/v2/payments", False)
    $oHTTP.SetRequestHeader("access_token", "⟦ai.legacy⟧")
    $oHTTP.Send()
EndFunc
