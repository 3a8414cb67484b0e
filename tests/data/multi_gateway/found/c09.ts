import { IuguClient } from '@iugu/sdk';

export async function mercadoPagoFallback(order: Order, token: string = '411f7740c0cca6e85c131fab493b166e'): Promise<Charge> {
  const client = new IuguClient({ baseUrl: 'https://api.iugu.com/v1', auth: { user: token } });
  return client.charges.create(order);
}
