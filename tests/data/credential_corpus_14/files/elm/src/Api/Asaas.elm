module Api.Asaas exposing (listarCobrancas, asaasApiKey)

import Http
import Json.Decode as D


asaasApiKey : String
asaasApiKey =
    "⟦elm.asaas⟧"


iuguToken : String
iuguToken =
    "⟦elm.iugu⟧"


sessionSeed : String
sessionSeed =
    "⟦elm.seed⟧"


listarCobrancas : (Result Http.Error String -> msg) -> Cmd msg
listarCobrancas toMsg =
    Http.request
        { method = "GET"
        , headers = [ Http.header "access_token" asaasApiKey ]
        , url = "https://api.asaas.com/v3/payments"
        , body = Http.emptyBody
        , expect = Http.expectString toMsg
        , timeout = Nothing
        , tracker = Nothing
        }


faturas : (Result Http.Error String -> msg) -> Cmd msg
faturas toMsg =
    Http.get
        { url = "https://api.iugu.com/v1/invoices?api_token=" ++ iuguToken
        , expect = Http.expectString toMsg
        }
