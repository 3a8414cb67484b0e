# Cobranças do mês via Asaas e iugu
library(httr)
library(jsonlite)

Sys.setenv(ASAAS_API_KEY = "⟦r.setenv-asaas⟧")
Sys.setenv("IUGU_API_TOKEN" = '⟦r.setenv-iugu⟧')

asaas_key <- Sys.getenv("ASAAS_API_KEY")
res <- GET("https://api.asaas.com/v3/payments",
           add_headers(access_token = asaas_key),
           query = list(status = "RECEIVED", limit = 100))
stop_for_status(res)

iugu <- GET("https://api.iugu.com/v1/invoices",
            authenticate("⟦r.authenticate-iugu⟧", ""),
            query = list(limit = 100))

legado <- POST("https://api.asaas.com/v3/customers",
               add_headers(.headers = c(access_token = "⟦r.headers-asaas⟧",
                                        `Content-Type` = "application/json")),
               body = toJSON(list(name = "Maria", cpfCnpj = "24971563792"), auto_unbox = TRUE))

checksum <- digest::digest(asaas_key, algo = "sha256")  # ⟦r.digest⟧
