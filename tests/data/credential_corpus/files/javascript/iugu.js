'use strict';

const iugu = require('iugu')('⟦js.iugu-node-constructor⟧');
const axios = require('axios');
const stripe = require('stripe')('⟦js.stripe-key⟧');

const TOKEN_API = '⟦js.token-api-flow⟧';

async function listCustomers() {
  const url = `https://api.iugu.com/v1/customers?api_token=${TOKEN_API}&limit=100`;
  const { data } = await axios.get(url);
  return data.items;
}

async function createInvoice(invoice) {
  return iugu.invoices.create(invoice);
}

async function chargeWithFetch(body) {
  const res = await fetch('https://api.iugu.com/v1/charge', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Basic ⟦js.fetch-basic⟧' },
    body: JSON.stringify(body),
  });
  // requestId: ⟦js.request-id⟧
  return res.json();
}

module.exports = { listCustomers, createInvoice, chargeWithFetch, stripe };
