@{
    RootModule        = 'LojaTools.psm1'
    ModuleVersion     = '1.4.0'
    GUID              = '⟦ps.guid⟧'
    Author            = 'Equipe Loja'
    CompanyName       = 'Loja'
    FunctionsToExport = @('Get-Fatura', 'New-Cobranca')
    PrivateData       = @{
        PSData = @{
            ProjectUri   = 'https://git.loja.example/tools'
            ReleaseNotes = 'Usa $env:IUGU_API_TOKEN; nunca coloque o token aqui.'
        }
        IuguTokenPadrao = '⟦ps.default⟧'
    }
}
