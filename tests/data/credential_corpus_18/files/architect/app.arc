@app
loja-cobranca

@http
post /cobrancas
get /faturas

@aws
region sa-east-1
runtime nodejs20.x

@env
testing
  ASAAS_API_KEY ⟦ac.hmlg⟧
  ASAAS_BASE_URL https://api-sandbox.asaas.com/v3
production
  ASAAS_API_KEY ⟦ac.asaas⟧
  ASAAS_BASE_URL https://api.asaas.com/v3
  IUGU_API_TOKEN ⟦ac.iugu⟧
