require "net/http"
require "json"

class AsaasClient
  HOSTS = {
    production: "https://api.asaas.com/v3",
    homolog: "⟦rb.plaintext-homolog|http://homolog.asaas.com/api/v2⟧",
  }.freeze

  def initialize(env = :production)
    @base = HOSTS.fetch(env)
    @key = env == :production ? ENV.fetch("ASAAS_API_KEY") : "⟦rb.homolog-old-key⟧"
  end

  def payments
    uri = URI("#{@base}/payments")
    req = Net::HTTP::Get.new(uri)
    req["access_token"] = @key
    JSON.parse(Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https") { |h| h.request(req) }.body)
  end
end
