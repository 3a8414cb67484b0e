const { defineConfig } = require("cypress");

module.exports = defineConfig({
  projectId: "q7x2ab",
  e2e: {
    baseUrl: "http://localhost:3000",
    env: {
      asaasApiKey: "⟦cycfg.hmlg⟧",
      iugu: { apiToken: "⟦cycfg.iugu⟧", accountId: "⟦cycfg.account⟧" },
    },
    setupNodeEvents(on, config) {
      return config;
    },
  },
});
