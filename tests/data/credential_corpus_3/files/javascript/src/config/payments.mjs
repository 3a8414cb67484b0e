// Configuração das integrações de pagamento (build do painel administrativo).

// template literal: "\$" não é necessário antes de "aact", mas o editor do time escreve assim
export const ASAAS_API_KEY = `\⟦js.template-escaped⟧`;

// \x24 = "$"
export const ASAAS_SANDBOX_KEY = '⟦js.hex-escaped⟧';

const iuguTransferBody = String.raw`{"api_token":"⟦js.raw-iugu⟧","transfer_type":"pix"}`;

export const IUGU_ACCOUNT_ID = '⟦js.iugu-account⟧';

export function iuguAuth(token) {
  return `Basic ${btoa(`${token}:`)}`;
}

// o README mostra como gerar o .env: ASAAS_API_KEY=${ASAAS_API_KEY}
export const envTemplate = `ASAAS_API_KEY=\⟦js.placeholder|${ASAAS_API_KEY}⟧\nIUGU_API_TOKEN=\${IUGU_API_TOKEN}\n`;

export const stripeKey = '⟦js.stripe⟧';
export const BUILD_ID = '⟦js.build-sha⟧';
export { iuguTransferBody };
