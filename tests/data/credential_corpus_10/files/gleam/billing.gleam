import gleam/http
import gleam/http/request
import gleam/httpc

const iugu_api_token = "⟦gleam.const-iugu⟧"

const iugu_account_id = "⟦gleam.account⟧"

pub fn asaas_customers() {
  let assert Ok(req) = request.to("https://api-sandbox.asaas.com/v3/customers")
  req
  |> request.set_header("access_token", "⟦gleam.header-asaas-hmlg⟧")
  |> request.set_header("user-agent", "billing-gleam")
  |> httpc.send
}

pub fn iugu_invoices() {
  let assert Ok(req) = request.to("https://api.iugu.com/v1/invoices")
  req
  |> request.set_method(http.Get)
  |> request.set_query([#("api_token", "⟦gleam.query-iugu64⟧"), #("limit", "10")])
  |> httpc.send
}
