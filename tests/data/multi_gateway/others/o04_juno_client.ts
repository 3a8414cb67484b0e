import Iugu from 'iugu';
import * as Juno from 'juno-node';

const iugu = Iugu(process.env.IUGU_TOKEN!);
const juno = new Juno.Client({ clientId: 'x', token: '7C1E9A3B5D7F9B1D3F5A7C9E1B3D5F7A9C1E3B5D7F9A1C3E5B7D9F1A3C5E7B9D' });
