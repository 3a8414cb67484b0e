import Iugu from 'iugu';
import { Juno } from 'juno-sdk';

export const gateways = [
  new Juno.Client({ clientId: 'loja', token: process.env.JUNO_TOKEN }),
  Iugu('253d630e91159b0754d304be1e50064c'),
];
const token = '253d630e91159b0754d304be1e50064c';
export const fallback = Iugu(token);
