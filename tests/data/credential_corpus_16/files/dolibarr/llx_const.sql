INSERT INTO llx_const (name, entity, value, type, visible, note, tms) VALUES ('ASAAS_API_KEY', 1, '⟦doli.asaas⟧', 'chaine', 0, 'Chave API Asaas (produção)', '2026-11-20 14:02:33');
INSERT INTO llx_const (name, entity, value, type, visible, note, tms) VALUES ('IUGU_API_TOKEN', 1, '⟦doli.iugu⟧', 'chaine', 0, NULL, '2026-11-20 14:02:33');
INSERT INTO llx_const (name, entity, value, type, visible, note, tms) VALUES ('MAIN_SECURITY_SALT', 1, '⟦doli.salt⟧', 'chaine', 0, NULL, '2026-11-20 14:02:33');
INSERT INTO llx_const (name, entity, value, type, visible, note, tms) VALUES ('PAGSEGURO_TOKEN', 1, '⟦doli.pagseguro⟧', 'chaine', 0, NULL, '2026-11-20 14:02:33');
