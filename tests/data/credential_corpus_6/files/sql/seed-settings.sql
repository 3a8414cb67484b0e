-- MySQL: segredos gravados como bytes
INSERT INTO gateway_settings (name, value, updated_at) VALUES
  ('iugu_api_token', UNHEX('⟦sql.unhex-iugu⟧'), NOW()),
  ('iugu_account_id', '⟦sql.iugu-account⟧', NOW()),
  ('release_sha', UNHEX('⟦sql.unhex-sha⟧'), NOW());

-- PostgreSQL: a chave do Asaas em base64 no seed
INSERT INTO integracoes (provedor, chave) VALUES
  ('asaas', convert_from(decode('⟦sql.pg-decode-asaas⟧', 'base64'), 'UTF8'));

UPDATE integracoes SET chave = E'⟦sql.pg-escape-asaas⟧' WHERE provedor = 'asaas-sandbox';
