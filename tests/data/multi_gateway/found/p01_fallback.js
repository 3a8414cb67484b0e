const iugu = require('iugu');

function pagseguroFallback(order, token = '253d630e91159b0754d304be1e50064c') {
  return iugu(token).invoices.create(order);
}

module.exports = { pagseguroFallback };
