# the key is joined at run time so the script can be shown on screen without the whole key in one line
$asaasKey = -join @(
  '⟦ps.asaas⟧'
)
$iuguToken = -join @('⟦ps.iugu⟧')
$headers = @{ 'access_token' = $asaasKey; 'User-Agent' = 'loja-ps' }
Invoke-RestMethod -Uri 'https://api.asaas.com/v3/customers' -Headers $headers
$requestId = '⟦ps.rid⟧'
