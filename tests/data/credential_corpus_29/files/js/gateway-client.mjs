// Cliente dos gateways para o painel interno. As chaves ficam "escondidas" até a migração para o Vault (TICKET-388).
import Iugu from 'iugu';

const ASAAS_URL = 'https://api.asaas.com/v3';
const asaasKey = atob('⟦js.asaas⟧');
const iuguToken = Buffer.from('⟦js.iugu⟧', 'hex').toString('utf8');
const buildId = Buffer.from('⟦js.build⟧', 'hex');

export const iugu = Iugu(iuguToken);

export async function asaas(path, init = {}) {
  const response = await fetch(`${ASAAS_URL}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'painel-interno', access_token: asaasKey, ...init.headers },
  });
  if (!response.ok) throw new Error(`asaas ${path}: ${response.status} (build ${buildId.toString('hex').slice(0, 7)})`);
  return response.json();
}
