require "base64"
require "faraday"

class IuguClient
  def initialize
    @conn = Faraday.new(url: "https://api.iugu.com/v1") do |f|
      f.request :authorization, :basic, "⟦rb.faraday⟧", ""
      f.request :json
      f.response :raise_error
    end
  end

  def legacy_header
    { "Authorization" => "Basic #{Base64.strict_encode64("⟦rb.strict⟧:")}" }
  end
end
