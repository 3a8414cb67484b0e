import Iugu from 'iugu';

const config = new MercadoPagoConfig({
  accessToken: process.env.MP_TOKEN!,
  options: { timeout: 5000 },
});
const token = '253d630e91159b0754d304be1e50064c';
const iugu = Iugu(token);
