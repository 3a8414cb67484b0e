import Config

config :cobranca, Cobranca.Asaas,
  base_url: "https://api.asaas.com/v3",
  api_key: "⟦ex.asaas⟧"

config :cobranca, Cobranca.Iugu,
  api_token: "⟦ex.iugu⟧",
  account_id: "⟦ex.account⟧"

config :cobranca, Cobranca.Repo, url: System.get_env("DATABASE_URL")
