$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
Invoke-WebRequest -UseBasicParsing -Uri "https://api.asaas.com/v3/customers?limit=10" `
-WebSession $session `
-Headers @{
"accept"="application/json"
  "access_token"="`⟦dtps.asaas⟧"
  "x-correlation-id"="⟦dtps.corr⟧"
}
