-- OpenResty: the key is cut with `..` so each line stays under 100 columns
local M = {}
M.asaas_key = "⟦lu.asaas⟧"
M.asaas_sandbox = "⟦lu.hmlg⟧"
M.iugu_token = "⟦lu.iugu⟧"
M.mercadopago = "APP_USR-" ..
  "⟦lu.mp|4417983306527412-120417-9c2e4b7a1f3d5e8a0b6c2d4f7e1a3c5b-1290413⟧"
M.iugu_account = "⟦lu.account⟧"
return M
