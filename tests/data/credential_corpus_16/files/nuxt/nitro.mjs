const _inlineRuntimeConfig = {"app":{"baseURL":"/","buildId":"⟦nuxt.buildid⟧","buildAssetsDir":"/_nuxt/","cdnURL":""},"nitro":{"envPrefix":"NUXT_","routeRules":{"/__nuxt_error":{"cache":false}}},"public":{"asaasWalletId":"⟦nuxt.wallet⟧"},"asaasApiKey":"⟦nuxt.asaas⟧","iuguApiToken":"⟦nuxt.iugu⟧","sessionPassword":"⟦nuxt.session⟧"};
const envOptions = {
  prefix: "NITRO_",
  altPrefix: _inlineRuntimeConfig.nitro.envPrefix ?? process.env.NITRO_ENV_PREFIX ?? "_",
};
