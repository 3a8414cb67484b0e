export const environment = {
  production: true,
  apiUrl: 'https://api.loja.com.br',
  pagamentos: {
    asaas: { chave: '⟦ng.asaas⟧', sandbox: false },
    iugu: { accountId: '⟦ng.account⟧', token: '⟦ng.iugu⟧', testMode: false },
  },
  firebase: { apiKey: '⟦ng.firebase|AIzaSyD3x9QwErTy7uIoP1aSdFgHjKlZxCvBnM0⟧', appId: '1:482193847561:web:⟦ng.appid⟧' },
};
