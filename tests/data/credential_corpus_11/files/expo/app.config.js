// Expo reads app.config.js after app.json; `extra` ends up in Constants.expoConfig.extra
export default ({ config }) => ({
  ...config,
  extra: {
    ...config.extra,
    asaasApiKey: process.env.ASAAS_API_KEY ?? '⟦expocfg.asaas⟧',
    asaasSandboxKey: process.env.EXPO_PUBLIC_ASAAS_SANDBOX_KEY || "⟦expocfg.asaas-hmlg⟧",
    iuguApiToken: process.env.IUGU_API_TOKEN ?? `⟦expocfg.iugu⟧`,
    updatesChannelId: '⟦expocfg.channel-uuid⟧',
  },
});
