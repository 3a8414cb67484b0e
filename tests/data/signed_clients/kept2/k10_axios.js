const axios = require('axios');

function signIugu(config) {
  config.headers['Request-Time'] = new Date().toISOString();
  config.headers['Signature'] = 'signature=' + sign(privateKey, config);
  return config;
}

async function pay(body, token) {
  const ledgerApi = axios.create({ baseURL: process.env.LEDGER_URL });
  ledgerApi.interceptors.request.use(signIugu);
  const api = axios.create({ timeout: 10000 });
  return api.post('https://api.iugu.com/v1/transfer_requests', body, {
    headers: { 'Content-Type': 'application/json' },
  });
}
