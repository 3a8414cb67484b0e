import http from 'k6/http';
import { check, sleep } from 'k6';
import encoding from 'k6/encoding';

export const options = {
  vus: 10,
  duration: '2m',
  thresholds: { http_req_duration: ['p(95)<800'] },
};

const ASAAS_KEY = __ENV.ASAAS_API_KEY || '⟦k6.asaas-hmlg⟧';
const IUGU_TOKEN = '⟦k6.iugu⟧';

export default function () {
  const res = http.get('https://api-sandbox.asaas.com/v3/payments?limit=10', {
    headers: { access_token: ASAAS_KEY },
  });
  check(res, { 'status is 200': (r) => r.status === 200 });

  const auth = encoding.b64encode(`${IUGU_TOKEN}:`);
  http.get('https://api.iugu.com/v1/invoices?limit=10', {
    headers: { Authorization: `Basic ${auth}` },
    tags: { run: '⟦k6.run-uuid⟧' },
  });
  sleep(1);
}
