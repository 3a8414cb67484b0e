const iugu = require('iugu');
const PagSeguro = require('node-pagseguro');

const opts = { token: '253d630e91159b0754d304be1e50064c' };
const ps = new PagSeguro({ email: 'vendas@loja.com.br', currency: 'BRL' });
const client = iugu(opts.token);
