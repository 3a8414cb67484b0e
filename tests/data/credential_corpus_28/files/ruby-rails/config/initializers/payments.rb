# Payment gateways: iugu (cards and Pix), PagSeguro (legacy checkout), Vindi (subscriptions)

PagSeguro.configure do |config|
  config.token       = ENV.fetch("PAGSEGURO_TOKEN", "⟦rb.pagseguro⟧")
  config.email       = "vendas@loja.com.br"
  config.environment = :production
  config.encoding    = "UTF-8"
end

Iugu.api_key = ENV.fetch("IUGU_API_TOKEN", "⟦rb.iugu⟧")

VINDI = Vindi::Client.new(key: ENV.fetch("VINDI_API_KEY", "⟦rb.vindi|xk3S9mB1qLzR0vT4wYc8nHfJ2aPeUd6G7oKiNs5Eb-Q⟧"))
