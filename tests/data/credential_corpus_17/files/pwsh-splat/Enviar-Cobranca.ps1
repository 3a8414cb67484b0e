param([string]$ClienteId, [decimal]$Valor)

$asaas = @{
    Uri         = 'https://api.asaas.com/v3/payments'
    Method      = 'Post'
    ContentType = 'application/json'
    Headers     = @{
        'access_token' = '⟦spl.asaas⟧'
        'User-Agent'   = 'loja-caixa/1.3'
    }
    Body        = (@{ customer = $ClienteId; billingType = 'PIX'; value = $Valor } | ConvertTo-Json)
}
Invoke-RestMethod @asaas

$iuguParams = @{
    Uri     = "https://api.iugu.com/v1/invoices?api_token=⟦spl.iugu⟧"
    Method  = 'Get'
}
Invoke-RestMethod @iuguParams | Select-Object -ExpandProperty items
