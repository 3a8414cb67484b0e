import std/[httpclient, os, base64, json]

const IuguApiToken = "⟦nim.const-iugu⟧"
const IuguAccountId = "⟦nim.account⟧"

proc iuguClient(): HttpClient =
  result = newHttpClient()
  let token = getEnv("IUGU_API_TOKEN", IuguApiToken)
  result.headers = newHttpHeaders({"Authorization": "Basic " & encode(token & ":")})

proc asaasClient(): HttpClient =
  result = newHttpClient(userAgent = "loja-billing")
  result.headers = newHttpHeaders({"access_token": "⟦nim.headers-asaas⟧"})

let sandbox = %*{"apiKey": "⟦nim.json-asaas-hmlg⟧", "url": "https://api-sandbox.asaas.com/v3"}
let fallbackToken = getEnv("IUGU_LIVE_TOKEN", "⟦nim.getenv-default-iugu⟧")

when isMainModule:
  echo iuguClient().getContent("https://api.iugu.com/v1/customers")
