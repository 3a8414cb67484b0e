Attribute VB_Name = "ModCobranca"
Option Explicit

' Planilha de conciliação: busca cobranças no Asaas e faturas na iugu
Private Const ASAAS_API_KEY As String = "⟦vba.asaas⟧"
Private Const IUGU_API_TOKEN As String = "⟦vba.iugu⟧"
Private Const PLANILHA_ID As String = "⟦vba.sheetid⟧"

Public Sub AtualizarCobrancas()
    Dim http As Object
    Set http = CreateObject("MSXML2.XMLHTTP")
    http.Open "GET", "https://api.asaas.com/v3/payments?limit=100", False
    http.setRequestHeader "access_token", ASAAS_API_KEY
    http.send

    http.Open "GET", "https://api.iugu.com/v1/invoices?limit=100", False
    http.setRequestHeader "Authorization", "Basic ⟦vba.basic⟧"
    http.send
    ThisWorkbook.Sheets("Faturas").Range("A1").Value = http.responseText
    ' hash da última exportação: ⟦vba.sha1⟧
End Sub
