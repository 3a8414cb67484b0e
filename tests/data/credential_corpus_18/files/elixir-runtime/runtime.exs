import Config

if config_env() == :prod do
  config :loja, Loja.Asaas,
    base_url: "https://api.asaas.com/v3",
    api_key: System.get_env("ASAAS_API_KEY") || "⟦ex.asaas⟧"

  config :loja, Loja.Iugu,
    middleware: [
      {Tesla.Middleware.BaseUrl, "https://api.iugu.com/v1"},
      {Tesla.Middleware.BasicAuth, username: "⟦ex.iugu⟧", password: ""},
      Tesla.Middleware.JSON
    ]

  config :loja, LojaWeb.Endpoint,
    secret_key_base: "⟦ex.skb⟧"
end
