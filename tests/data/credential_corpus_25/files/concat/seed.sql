-- seeds the sandbox tenant; the key is cut so it fits the 80-column style of the migrations
INSERT INTO gateway_credentials (tenant_id, provider, environment, api_key) VALUES
  ('⟦sq.tenant⟧', 'asaas', 'sandbox', '⟦sq.hmlg⟧');
INSERT INTO gateway_credentials (tenant_id, provider, environment, api_key)
  SELECT '⟦sq.tenant2⟧', 'iugu', 'live', CONCAT('⟦sq.iugu⟧');
UPDATE gateway_credentials SET api_key_sha256 = '⟦sq.sha⟧' WHERE provider = 'iugu';
