// v2 integration, kept for the old point-of-sale app
var request = require('request');

var ASAAS_V2 = '⟦js.plaintext-asaas-v2|http://www.asaas.com/api/v2⟧';

function listPayments(cb) {
  request({
    url: ASAAS_V2 + '/payments',
    headers: { access_token: '⟦js.legacy-access-token⟧' },
    json: true,
  }, cb);
}

module.exports = { listPayments };
