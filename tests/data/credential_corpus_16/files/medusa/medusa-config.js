const { loadEnv, defineConfig } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "⟦medusa.jwt⟧", cookieSecret: "⟦medusa.cookie⟧" },
  },
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "medusa-payment-asaas",
            id: "asaas",
            options: { apiKey: "⟦medusa.asaas⟧", environment: "production" },
          },
          {
            resolve: "./src/modules/iugu",
            id: "iugu",
            options: { api_token: "⟦medusa.iugu⟧" },
          },
        ],
      },
    },
  ],
})
