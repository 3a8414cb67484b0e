-- Configuração do serviço de cobrança (dhall-to-yaml --file billing.dhall)
let Prelude =
      https://prelude.dhall-lang.org/v23.0.0/package.dhall
        sha256:⟦dh.prelude-hash⟧

let Environment = < Sandbox | Production >

let iuguToken = "⟦dh.let-iugu⟧"

let asaasKeyFor =
      \(env : Environment) ->
        merge
          { Sandbox = "⟦dh.merge-asaas-hmlg⟧"
          , Production = env:ASAAS_API_KEY as Text ? "⟦dh.env-default-asaas⟧"
          }
          env

in  { iugu =
      { apiToken = env:IUGU_API_TOKEN as Text ? iuguToken
      , accountId = "⟦dh.account⟧"
      , baseUrl = "https://api.iugu.com/v1"
      }
    , asaas = { apiKey = asaasKeyFor Environment.Production, baseUrl = "https://api.asaas.com/v3" }
    , features = Prelude.List.map Text Text (\(x : Text) -> x) [ "pix", "boleto" ]
    }
