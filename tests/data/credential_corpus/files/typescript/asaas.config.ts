export interface AsaasConfig {
  apiKey: string;
  baseUrl: string;
}

export const asaasConfig: Record<'production' | 'sandbox', AsaasConfig> = {
  production: {
    apiKey: process.env.ASAAS_API_KEY ?? '',
    baseUrl: 'https://api.asaas.com/v3',
  },
  sandbox: {
    apiKey: '⟦ts.sandbox-config-key⟧',
    baseUrl: 'https://api-sandbox.asaas.com/v3',
  },
};

export const placeholder: AsaasConfig = { apiKey: '⟦ts.placeholder-your-key|<your-asaas-api-key>⟧', baseUrl: '' };
