exports.seed = async function (knex) {
  await knex('settings').del();
  await knex('settings').insert([
    { key: 'IUGU_API_TOKEN', value: '⟦kx.iugu⟧' },
    { key: 'ASAAS_API_KEY', value: process.env.ASAAS_API_KEY || '⟦kx.asaas⟧' },
    { key: 'RELEASE', value: '⟦kx.sha⟧' },
  ]);
};
