/** Planilha de cobranças: gera boletos no Asaas a partir da aba "Pedidos". */
function configurar() {
  PropertiesService.getScriptProperties().setProperties({
    'ASAAS_API_KEY': '⟦gas.asaas⟧',
    'IUGU_TOKEN': '⟦gas.iugu⟧',
    'PLANILHA_ID': '⟦gas.sheet|1aBcD3fGhIjK4lMnOpQrS5tUvWxYz6AbCdEfGhIjKlMn⟧'
  });
}

function gerarCobranca(pedido) {
  const resp = UrlFetchApp.fetch('https://api.asaas.com/v3/payments', {
    method: 'post',
    contentType: 'application/json',
    headers: { 'access_token': '⟦gas.asaas2⟧' },
    payload: JSON.stringify(pedido)
  });
  return JSON.parse(resp.getContentText());
}
