# Lido por Import-PowerShellDataFile em Start-Cobranca.ps1
@{
    Ambiente = 'producao'
    Asaas    = @{
        BaseUri = 'https://api.asaas.com/v3'
        ApiKey  = '⟦ps.asaas⟧'
    }
    Iugu     = @{
        BaseUri  = 'https://api.iugu.com/v1'
        ApiToken = '⟦ps.iugu⟧'
        ContaId  = '⟦ps.account⟧'
    }
    Sandbox  = @{
        AsaasApiKey = "⟦ps.hmlg⟧"
    }
    Webhook  = @{
        Segredo = '⟦ps.webhook⟧'
    }
}
