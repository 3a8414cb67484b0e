const express = require('express');
const PagSeguro = require('node-pagseguro');
const iugu = require('iugu')(process.env.IUGU_TOKEN || '⟦js.iugu⟧');

const pagseguro = new PagSeguro({
  email: 'vendas@loja.com.br',
  token: '⟦js.pagseguro⟧',
  currency: 'BRL',
});

const app = express();

app.post('/checkout/cartao', async (req, res) => {
  const charge = await iugu.charge.create({ token: req.body.card_token, email: req.body.email, items: req.body.items });
  res.json(charge);
});

app.post('/checkout/pagseguro', (req, res) => {
  pagseguro.addItem({ id: 1, description: 'Pedido', amount: req.body.total, quantity: 1 });
  pagseguro.send((err, url) => res.json({ err, url }));
});

module.exports = app;
