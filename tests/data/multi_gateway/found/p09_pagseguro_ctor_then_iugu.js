const PagSeguro = require('node-pagseguro');
const Iugu = require('iugu');

// the same object configures the fallback through iugu
const pagseguro = new PagSeguro({
  email: 'vendas@loja.com.br',
  fallback: new Iugu({ token: '253d630e91159b0754d304be1e50064c' }),
});
