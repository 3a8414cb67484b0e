module Cobranca
  # Ruby joins adjacent literals; the backslash continues the line
  ASAAS_API_KEY = "⟦rb.asaas⟧".freeze
  ASAAS_URL = "https://api.asaas.com/v3".freeze
  PLACEHOLDER = "$aact_prod_" \
    "<sua-chave>".freeze
end
