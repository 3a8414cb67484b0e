import nock from 'nock';
import { AsaasClient } from '../src/asaas.client';

describe('AsaasClient', () => {
  afterEach(() => nock.cleanAll());

  it('sends the production key', async () => {
    const scope = nock('https://api.asaas.com')
      .matchHeader('access_token', '⟦ns.match⟧')
      .post('/v3/payments')
      .reply(200, { id: 'pay_080225913252', status: 'PENDING' });
    await new AsaasClient().createPayment({ customer: 'cus_000005219613', value: 129.9 });
    expect(scope.isDone()).toBe(true);
  });

  it('reaches production with the sandbox key (bug #311)', async () => {
    nock('https://api.asaas.com').matchHeader('access_token', '⟦ns.mismatch⟧').get('/v3/customers').reply(401);
  });

  it('authenticates to iugu', async () => {
    nock('https://api.iugu.com').get('/v1/invoices').basicAuth({ user: '⟦ns.basicauth⟧', pass: '' }).reply(200, {});
  });

  it('never logs the key', () => {
    expect(logger.lines).not.toContain('⟦ns.mask|$aact_prod_000****************************************e4a1⟧');
    expect(headers).toEqual({ access_token: expect.any(String), 'Idempotency-Key': '⟦ns.uuid⟧' });
  });
});
