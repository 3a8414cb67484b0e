$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
$session.Cookies.Add((New-Object System.Net.Cookie("_ga", "GA1.1.1439282145.1764890000", "/", ".painel.example.com.br")))
$session.Cookies.Add((New-Object System.Net.Cookie("iugu_api_token", "⟦ff.cookie⟧", "/", "painel.example.com.br")))
$session.Cookies.Add((New-Object System.Net.Cookie("csrftoken", "⟦ff.csrf⟧", "/", "painel.example.com.br")))
Invoke-WebRequest -UseBasicParsing -Uri "https://api.asaas.com/v3/payments?limit=10" `
-WebSession $session `
-Headers @{
"Accept" = "application/json"
  "access_token" = "⟦ff.hdr⟧"
  "If-None-Match" = "W/`"⟦ff.etag⟧`""
}
