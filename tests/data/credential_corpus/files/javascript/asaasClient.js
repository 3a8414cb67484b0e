import axios from 'axios';

const sandbox = process.env.NODE_ENV !== 'production';

export const asaas = axios.create({
  baseURL: sandbox ? 'https://api-sandbox.asaas.com/v3' : 'https://api.asaas.com/v3',
  headers: {
    access_token: sandbox ? '⟦js.axios-hmlg-key⟧' : process.env.ASAAS_API_KEY,
    'User-Agent': 'loja-aurora-web',
  },
});

// GitHub token used by the release script (not ours to report): ⟦js.github-token⟧
export const commit = '⟦js.commit-sha⟧';

export async function pixQrCode(paymentId) {
  const { data } = await asaas.get(`/payments/${paymentId}/pixQrCode`);
  return data.encodedImage;
}
