defmodule Loja.IuguClient do
  use Tesla

  plug Tesla.Middleware.BaseUrl, "https://api.iugu.com/v1"
  plug Tesla.Middleware.BasicAuth, username: "⟦ex.tesla-basic-auth⟧", password: ""
  plug Tesla.Middleware.JSON

  @webhook_secret_hash "⟦ex.webhook-hash⟧"

  def invoices, do: get("/invoices")
end
