(* OCaml: long literals are joined with ^ *)
let asaas_api_key =
  "⟦ml.asaas⟧"

let iugu_api_token =
  "⟦ml.iugu⟧"

let build_id = "⟦ml.build⟧"
