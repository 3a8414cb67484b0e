-- Configuração do plugin de cobrança do OpenResty.
local _M = {}

-- "\36" = "$" (escape decimal do Lua)
_M.asaas_api_key = "⟦lua.decimal⟧"
_M.iugu_api_token = [[⟦lua.long-iugu⟧]]
_M.asaas_sandbox_key = [==[⟦lua.long-level-hmlg⟧]==]
_M.iugu_account_id = "⟦lua.iugu-account⟧"

_M.body_template = [[{"api_token":"%s","email":"%s"}]]
_M.cache_salt = "⟦lua.md5⟧"

return _M
