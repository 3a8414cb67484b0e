window.__ENV__ = {"NODE_ENV":"production","PUBLIC_API_URL":"https://api.loja.com.br","ASAAS_API_KEY":"⟦ec.asaas⟧","IUGU_TOKEN":"⟦ec.iugu⟧","SENTRY_RELEASE":"⟦ec.sha⟧"};
