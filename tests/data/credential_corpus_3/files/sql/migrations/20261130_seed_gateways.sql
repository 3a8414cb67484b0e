-- Semeia as credenciais dos gateways (ambiente de homologação espelhado da produção).
BEGIN;

INSERT INTO gateway_credentials (provider, environment, api_key) VALUES
  ('asaas', 'production', E'⟦sql.e-string-hex⟧'),
  ('asaas', 'production-backup', U&'⟦sql.unicode-escape⟧'),
  ('iugu', 'production', '⟦sql.iugu⟧');

-- dollar-quoting: nada dentro de $$ ... $$ é escape
INSERT INTO settings (name, value) VALUES ('asaas_api_key', $$⟦sql.dollar-quoted-asaas⟧$$);

CREATE OR REPLACE FUNCTION iugu_api_token() RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT '⟦sql.function-iugu⟧'::text
$$;

CREATE OR REPLACE FUNCTION asaas_sandbox_key() RETURNS text AS $body$
BEGIN
  RETURN '⟦sql.tagged-hmlg⟧';
END
$body$ LANGUAGE plpgsql;

INSERT INTO settings (name, value) VALUES
  ('iugu_account_id', '⟦sql.iugu-account⟧'),
  ('iugu_api_token_sha256', '⟦sql.token-sha256⟧'),
  ('asaas_api_key_example', $$⟦sql.placeholder|$aact_YOUR_KEY⟧$$);

COMMIT;
