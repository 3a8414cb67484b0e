'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('Configuracoes', [
      { chave: 'asaas_api_key', valor: '⟦sq.asaas⟧', createdAt: new Date(), updatedAt: new Date() },
      { chave: 'iugu_api_token', valor: '⟦sq.iugu⟧', createdAt: new Date(), updatedAt: new Date() },
      { chave: 'cache_buster', valor: '⟦sq.md5⟧', createdAt: new Date(), updatedAt: new Date() },
    ]);
  },
  async down(queryInterface) {
    await queryInterface.bulkDelete('Configuracoes', null, {});
  },
};
