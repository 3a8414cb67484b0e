-- as funções de cobrança leem current_setting('app.*')
ALTER DATABASE loja SET app.asaas_api_key = '⟦pg.asaas⟧';
ALTER DATABASE loja SET app.iugu_api_token TO '⟦pg.iugu⟧';
ALTER ROLE cobranca_worker SET app.request_salt = '⟦pg.salt⟧';
SELECT set_config('app.asaas_sandbox_key', '⟦pg.hmlg⟧', false);
