'use strict';

// Lambda@Edge (origin request): injeta as credenciais antes de seguir para a origem.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;

  if (request.uri.startsWith('/asaas/')) {
    request.uri = request.uri.replace(/^\/asaas/, '/v3');
    request.headers['access_token'] = [{ key: 'access_token', value: '⟦cf.asaas⟧' }];
    request.headers['host'] = [{ key: 'Host', value: 'api.asaas.com' }];
  }

  if (request.uri.startsWith('/iugu/')) {
    request.uri = request.uri.replace(/^\/iugu/, '/v1');
    request.querystring = 'api_token=⟦cf.iugu⟧' + (request.querystring ? '&' + request.querystring : '');
  }

  return request;
};
