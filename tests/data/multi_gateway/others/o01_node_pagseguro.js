const PagSeguro = require('node-pagseguro');
const iugu = require('iugu')(process.env.IUGU_TOKEN);

const pagseguro = new PagSeguro({
  email: 'vendas@loja.com.br',
  token: '9B2E4F0C7A1D3E5F6A8B0C2D4E6F8A1B',
  currency: 'BRL',
});
