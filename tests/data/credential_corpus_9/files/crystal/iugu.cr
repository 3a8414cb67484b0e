require "http/client"
require "json"

module Billing
  IUGU_TOKEN   = ENV.fetch("IUGU_API_TOKEN", "⟦cr.fetch-default-iugu⟧")
  IUGU_ACCOUNT = "⟦cr.account⟧"
  ASAAS_KEY    = "⟦cr.const-asaas⟧"

  def self.iugu_customers : String
    client = HTTP::Client.new(URI.parse("https://api.iugu.com"))
    client.basic_auth("⟦cr.basic-auth-iugu⟧", "")
    client.get("/v1/customers").body
  end

  def self.asaas_payments : String
    headers = HTTP::Headers{"access_token" => ASAAS_KEY, "User-Agent" => "loja-billing"}
    HTTP::Client.get("https://api.asaas.com/v3/payments", headers: headers).body
  end
end
