Module Pagamentos
    ' VB.NET: `& _` continues the expression on the next line
    Public Const AsaasApiKey As String = "⟦vb.asaas⟧"
    Public Const IuguApiToken As String = "⟦vb.iugu⟧"
    Public Const PagSeguroToken As String = "⟦vb.ps|9A3F7C1E5B2D4086E1C9A7F3B5D2E860⟧"
    Public Const TraceId As String = "⟦vb.trace⟧"
End Module
