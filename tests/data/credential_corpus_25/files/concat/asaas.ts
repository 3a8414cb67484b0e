import axios from 'axios';

const PREFIX = "$aact_prod_";
export const ASAAS_KEY = "⟦ts.asaas⟧";
export const ASAAS_TEMPLATE = PREFIX + "${ASAAS_KEY_BODY}";
export const api = axios.create({ baseURL: 'https://api.asaas.com/v3', headers: { access_token: ASAAS_KEY } });
