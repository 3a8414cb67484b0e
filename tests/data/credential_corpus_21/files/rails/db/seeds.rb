# Dados de desenvolvimento: rails db:seed
Gateway.find_or_create_by!(nome: "iugu") do |g|
  g.token = "⟦rb.seed⟧"
  g.conta = "⟦rb.seedconta⟧"
end

Gateway.find_or_create_by!(nome: "asaas").update!(token: ENV.fetch("ASAAS_API_KEY", "⟦rb.fetch⟧"))

User.create!(email: "dev@loja.com.br", password: "senha123", api_key: SecureRandom.hex(16))
