using HTTP, JSON3

ENV["IUGU_API_TOKEN"] = "⟦jl.env-iugu⟧"
const ASAAS_KEY = raw"⟦jl.raw-asaas⟧"

function pagamentos(status::String)
    r = HTTP.get("https://api.asaas.com/v3/payments?status=$status",
                 ["access_token" => ASAAS_KEY, "Content-Type" => "application/json"])
    JSON3.read(r.body)
end

faturas = HTTP.get("https://api.iugu.com/v1/invoices",
                   headers = Dict("Authorization" => "Basic " * base64encode(ENV["IUGU_API_TOKEN"] * ":")))

sandbox = HTTP.post("https://api-sandbox.asaas.com/v3/customers",
                    ["access_token" => "⟦jl.pair-asaas⟧"],
                    JSON3.write((name = "Maria", cpfCnpj = "24971563792")))

iugu_conta = (id = "⟦jl.account-id⟧", token = "⟦jl.namedtuple-iugu⟧")
