import Config

# ~s não precisa escapar nada que não seja o delimitador
config :loja, :asaas,
  api_key: ~s(⟦ex.sigil-s⟧),
  base_url: "https://api.asaas.com/v3"

config :loja, :iugu,
  api_token:
    ~S"""
    ⟦ex.sigil-heredoc-iugu⟧
    """
    |> String.trim(),
  account_id: "⟦ex.iugu-account⟧"

config :loja, :asaas_sandbox,
  api_key: "⟦ex.hex-escaped⟧",
  base_url: "https://sandbox.asaas.com/api/v3"

config :loja, LojaWeb.Endpoint,
  live_view: [signing_salt: "⟦ex.signing-salt⟧"]
