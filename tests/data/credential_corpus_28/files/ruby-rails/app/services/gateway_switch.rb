# Routes a charge to Asaas or to Juno, whichever the tenant uses.
class GatewaySwitch
  ASAAS_URL = "https://www.asaas.com/api/v3".freeze
  ASAAS_KEY = ENV.fetch("ASAAS_API_KEY") { "⟦gs.asaas⟧" }

  JUNO_URL = "https://api.juno.com.br".freeze
  JUNO_HEADERS = {
    "X-Api-Version" => "2",
    "X-Resource-Token" => "⟦gs.juno-resource⟧",
    "Content-Type" => "application/json;charset=UTF-8"
  }.freeze

  def self.charge(tenant, payload)
    if tenant.gateway == "asaas"
      Faraday.post("#{ASAAS_URL}/payments", payload.to_json, "access_token" => ASAAS_KEY)
    else
      Faraday.post("#{JUNO_URL}/charges", payload.to_json, JUNO_HEADERS.merge("Authorization" => "Bearer #{juno_oauth}"))
    end
  end
end
