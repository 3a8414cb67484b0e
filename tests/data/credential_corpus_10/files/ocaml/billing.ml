open Lwt.Syntax
open Cohttp_lwt_unix

let iugu_api_token = "⟦ml.let-iugu⟧"
let iugu_account_id = "⟦ml.account⟧"
let asaas_sandbox_key = {|⟦ml.quoted-asaas-hmlg⟧|}

let asaas_headers () =
  let headers = Cohttp.Header.init () in
  let headers = Cohttp.Header.add headers "access_token" "⟦ml.header-asaas⟧" in
  Cohttp.Header.add headers "User-Agent" "billing-ocaml"

let iugu_auth =
  Cohttp.Auth.string_of_credential (`Basic ("⟦ml.basic-iugu64⟧", ""))

let invoices () =
  let uri = Uri.of_string ("https://api.iugu.com/v1/invoices?api_token=" ^ iugu_api_token) in
  let* _resp, body = Client.get uri in
  Cohttp_lwt.Body.to_string body
