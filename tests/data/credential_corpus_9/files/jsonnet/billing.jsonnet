// Gera config/billing.json: jsonnet -V ENV=production billing.jsonnet
local env = std.extVar('ENV');

local iugu = {
  api_token: '⟦jn.local-iugu⟧',
  account_id: '⟦jn.account⟧',
  base_url: 'https://api.iugu.com/v1',
};

local asaas = {
  sandbox: { access_token: '⟦jn.sandbox-asaas⟧', url: 'https://api-sandbox.asaas.com/v3' },
  production: { access_token: std.extVar('ASAAS_API_KEY'), url: 'https://api.asaas.com/v3' },
};

{
  iugu: iugu,
  asaas: asaas[env],
  dotenv: |||
    IUGU_API_TOKEN=⟦jn.block-iugu⟧
    ASAAS_API_KEY=⟦jn.block-asaas⟧
  |||,
  webhookSecretSha256: '⟦jn.webhook-sha⟧',
}
