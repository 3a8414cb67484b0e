-- Seeds de desenvolvimento: NUNCA colocar chaves reais aqui.
INSERT INTO gateway_credentials (provider, secret) VALUES ('asaas', '⟦td.ph|$aact_YOUR_API_KEY_HERE⟧');
INSERT INTO gateway_credentials (provider, secret) VALUES ('iugu', '⟦td.ph2|SEU_TOKEN_IUGU_AQUI⟧');
INSERT INTO gateway_credentials (provider, secret) VALUES ('asaas', '⟦td.masked|$aact_prod_000Mzk…(oculto)⟧');
INSERT INTO gateway_credentials (provider, secret) VALUES ('iugu', '⟦td.stars|********************************⟧');
INSERT INTO gateway_credentials (provider, secret) VALUES ('asaas', current_setting('⟦td.ref|app.asaas_api_key⟧'));
INSERT INTO gateway_credentials (provider, secret) VALUES ('iugu', '⟦td.env|${IUGU_API_TOKEN}⟧');
INSERT INTO gateway_credentials (provider, secret) VALUES ('iugu', '⟦td.zeros|00000000000000000000000000000000⟧');
-- exemplo da documentação: ⟦td.doc|$aact_YTU5YTE0M2M2N2I4MTliNzk0YTI5N2U5MzdjNWZmNDQ6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==⟧
