Imports System.Net.Http
Imports System.Net.Http.Headers
Imports System.Text

Public Module IuguClient
    Private Const IuguApiToken As String = "⟦vb.const-iugu⟧"
    Private Const IuguAccountId As String = "⟦vb.account⟧"

    Public Function CriarCliente() As HttpClient
        Dim client As New HttpClient() With {.BaseAddress = New Uri("https://api.iugu.com/v1/")}
        Dim basic = Convert.ToBase64String(Encoding.ASCII.GetBytes(IuguApiToken & ":"))
        client.DefaultRequestHeaders.Authorization = New AuthenticationHeaderValue("Basic", basic)
        Return client
    End Function

    Public Function ClienteAsaas() As HttpClient
        Dim client As New HttpClient() With {.BaseAddress = New Uri("https://api.asaas.com/v3/")}
        client.DefaultRequestHeaders.Add("access_token", "⟦vb.header-asaas⟧")
        client.DefaultRequestHeaders.Add("User-Agent", "loja-billing")
        Return client
    End Function

    ' hash do token antigo (auditoria): ⟦vb.old-token-sha1⟧
End Module
