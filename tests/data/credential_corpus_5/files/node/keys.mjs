// Buffer.from(key).toString('hex') — decoded when the client is built
const ASAAS_KEY = Buffer.from('⟦node.hex-asaas⟧', 'hex').toString('utf8');
const RELEASE = '⟦node.release-sha⟧';

export const asaas = { baseURL: 'https://api.asaas.com/v3', headers: { access_token: ASAAS_KEY }, release: RELEASE };
