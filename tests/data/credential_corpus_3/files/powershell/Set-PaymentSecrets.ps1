<#
.SYNOPSIS
    Configura as chaves de pagamento na máquina de build Windows.
#>
param([switch]$Producao)

# em aspas duplas o PowerShell expandiria $aact_prod_... — daí a crase
$asaasKey = "`⟦ps.backtick-asaas⟧"
[Environment]::SetEnvironmentVariable('ASAAS_SANDBOX_KEY', '⟦ps.single-hmlg⟧', 'User')
$env:IUGU_API_TOKEN = "⟦ps.env-iugu⟧"
$env:IUGU_ACCOUNT_ID = "⟦ps.iugu-account⟧"

$body = "{`"api_token`":`"⟦ps.escaped-body-iugu⟧`",`"email`":`"financeiro@loja.com.br`",`"due_date`":`"2026-12-10`"}"
Invoke-RestMethod -Method Post -Uri 'https://api.iugu.com/v1/invoices' -Body $body -ContentType 'application/json'

$headers = @"
access_token: `⟦ps.herestring-asaas⟧
X-Request-Id: ⟦ps.request-id⟧
"@

$envFile = @'
ASAAS_API_KEY=⟦ps.single-herestring-asaas⟧
'@
Set-Content -Path "$env:ProgramData\Loja\payments.env" -Value $envFile

Write-Host "Exemplo: ASAAS_API_KEY=`⟦ps.placeholder|$aact_SUA_CHAVE⟧ (use a sua)"
Write-Host "Chave atual: ⟦ps.var-name|$asaasKey⟧".Substring(0, 20)
$expected = '⟦ps.sha256⟧'
