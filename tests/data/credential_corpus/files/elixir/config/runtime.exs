import Config

config :loja, Loja.Iugu,
  api_token: System.get_env("IUGU_API_TOKEN", "⟦ex.get-env-default⟧"),
  base_url: "https://api.iugu.com/v1"

config :loja, :asaas,
  api_key: "⟦ex.config-asaas-key⟧",
  base_url: "https://api.asaas.com/v3"

config :loja, LojaWeb.Endpoint,
  secret_key_base: "⟦ex.secret-key-base|Vq3xK8m2Lr7Tn5Wp1Zs9Yc4Hd6Fj0Gb2Nk8Qw5Er3Ty7Ui1Op4As6Df9Gh2Jk5L⟧"
