module Billing.Providers

open System
open System.Net.Http
open System.Text

[<Literal>]
let IuguApiToken = "⟦fs.literal-iugu⟧"

[<Literal>]
let IuguAccountId = "⟦fs.account⟧"

let asaasClient () =
    let client = new HttpClient(BaseAddress = Uri "https://api.asaas.com/v3/")
    client.DefaultRequestHeaders.Add("access_token", "⟦fs.header-asaas⟧")
    client.DefaultRequestHeaders.Add("User-Agent", "loja-billing")
    client

let iuguClient () =
    let client = new HttpClient(BaseAddress = Uri "https://api.iugu.com/v1/")
    let basic = Convert.ToBase64String(Encoding.ASCII.GetBytes(IuguApiToken + ":"))
    client.DefaultRequestHeaders.Authorization <- Headers.AuthenticationHeaderValue("Basic", basic)
    client

let sandboxSettings = """{ "asaas": { "apiKey": "⟦fs.triple-quoted-asaas-hmlg⟧", "url": "https://api-sandbox.asaas.com/v3" } }"""
