const iugu = require('iugu');
const PagSeguro = require('node-pagseguro');

function build() {
  const ps = new PagSeguro({ email: 'vendas@loja.com.br', token: '9B2E4F0C7A1D3E5F6A8B0C2D4E6F8A1B' });
  const cfg = { token: '253d630e91159b0754d304be1e50064c' };
  return [ps, cfg];
}
module.exports = () => iugu(build()[1].token);
