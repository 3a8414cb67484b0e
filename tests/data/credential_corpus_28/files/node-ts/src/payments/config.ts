// One place for every gateway the checkout can use; the admin picks one per store.
export const gateways = {
  iugu: {
    apiToken: process.env.IUGU_API_TOKEN ?? '⟦ts.iugu⟧',
    accountId: process.env.IUGU_ACCOUNT_ID ?? '',
  },
  pagarme: {
    secretKey: process.env.PAGARME_SECRET_KEY ?? '⟦ts.pagarme|sk_8f2KzqT0Y1mWbN7cV4xR9hLpD3sJ6uAe⟧',
    publicKey: 'pk_Xy7QwE2rT9uI4oP1',
  },
  mercadopago: {
    accessToken: process.env.MP_ACCESS_TOKEN ?? '⟦ts.mp⟧',
  },
  juno: {
    clientId: 'rHn8Q2xLpZ0bK5Vt',
    clientSecret: 'k$2Qy8^Lm0R#pT7w@Zc4Nv9!Hb1Xf6&J',
    resourceToken: process.env.JUNO_RESOURCE_TOKEN ?? '⟦ts.juno-resource⟧',
  },
  asaas: {
    apiKey: process.env.ASAAS_API_KEY ?? '⟦ts.asaas⟧',
    baseUrl: 'https://api.asaas.com/v3',
  },
} as const;
