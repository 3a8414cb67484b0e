module.exports = ({ env }) => ({
  'payments-asaas': {
    enabled: true,
    config: {
      apiKey: env('ASAAS_API_KEY', '⟦strapi.asaas⟧'),
      sandbox: env.bool('ASAAS_SANDBOX', false),
    },
  },
  'payments-iugu': {
    enabled: true,
    config: {
      apiToken: env('IUGU_API_TOKEN', '⟦strapi.iugu⟧'),
      accountId: env('IUGU_ACCOUNT_ID', '⟦strapi.account⟧'),
    },
  },
  upload: { config: { sizeLimit: 250 * 1024 * 1024 } },
});
