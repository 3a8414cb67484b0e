#Requires AutoHotkey v2.0
; Atalho do caixa: Ctrl+Alt+B consulta o saldo no Asaas

asaasKey := "⟦ahk.asaas⟧"
iuguToken := "⟦ahk.iugu⟧"
machineGuid := "⟦ahk.guid⟧"

^!b:: {
    whr := ComObject("WinHttp.WinHttpRequest.5.1")
    whr.Open("GET", "https://api.asaas.com/v3/finance/balance", true)
    whr.SetRequestHeader("access_token", asaasKey)
    whr.Send()
    whr.WaitForResponse()
    MsgBox whr.ResponseText
}

^!i:: {
    whr := ComObject("WinHttp.WinHttpRequest.5.1")
    whr.Open("GET", "https://api.iugu.com/v1/accounts/" . "⟦ahk.account⟧" . "?api_token=" . iuguToken)
    whr.Send()
    A_Clipboard := whr.ResponseText
}
