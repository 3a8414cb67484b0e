Imports System.Net.Http
Imports System.Text

Namespace Loja.Pagamentos
    Public Class AsaasCliente
        Private Const ChaveAsaas As String = "⟦vb.asaas⟧"
        Private Const TokenIugu As String = "⟦vb.iugu⟧"
        Private ReadOnly _http As New HttpClient()

        Public Sub New()
            _http.DefaultRequestHeaders.Add("access_token", ChaveAsaas)
            _http.DefaultRequestHeaders.UserAgent.ParseAdd("LojaERP/3.2")
        End Sub

        Public Function CabecalhoIugu() As String
            Dim credenciais = Convert.ToBase64String(Encoding.ASCII.GetBytes(TokenIugu & ":"))
            Return "Basic " & credenciais
        End Function

        ' Versão de homologação usada nos testes de integração
        Public Shared ReadOnly ChaveHomologacao As String = "⟦vb.hmlg⟧"
        ' Identificador do cliente no Asaas (não é segredo)
        Public Shared ReadOnly ClientePadrao As Guid = New Guid("⟦vb.guid⟧")
    End Class
End Namespace
