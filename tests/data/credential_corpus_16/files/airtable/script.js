// Airtable Scripting extension — base "Assinaturas"
const IUGU_TOKEN = '⟦at.iugu⟧';
const table = base.getTable('Faturas');
const query = await table.selectRecordsAsync({ fields: ['Fatura', 'Status'] });
for (const record of query.records) {
    const fatura = record.getCellValueAsString('Fatura'); // e.g. ⟦at.invoice⟧
    const resp = await remoteFetchAsync(`https://api.iugu.com/v1/invoices/${fatura}?api_token=${IUGU_TOKEN}`);
    output.text(`${fatura}: ${(await resp.json()).status}`);
}
let asaasConfig = input.config({ title: 'Asaas', items: [input.config.text('chave', { label: 'Chave da API' })] });
// chave usada no último teste: ⟦at.asaas⟧
