const axios = require('axios');

function signIugu(config) {
  config.headers['Request-Time'] = new Date().toISOString();
  config.headers['Signature'] = 'signature=' + sign(privateKey, config);
  return config;
}

async function pay(body) {
  const signedApi = axios.create();
  signedApi.interceptors.request.use(signIugu);
  const plain = axios.create();
  return plain.post('https://api.iugu.com/v1/transfer_requests', body, {
    headers: { 'Content-Type': 'application/json' },
  });
}
