const iugu = require('iugu');
const PagSeguro = require('node-pagseguro');
const ps = new PagSeguro({ email: 'vendas@loja.com.br', token: process.env.PS_TOKEN }), token = '253d630e91159b0754d304be1e50064c';
iugu(token).invoices.list();
