#!/usr/bin/env bash
# nightly reconciliation; the here-doc is unquoted, so the key's $ is escaped
psql "$DATABASE_URL" <<SQL
UPDATE integracoes SET chave = '\⟦hd2.asaas⟧' WHERE gateway = 'asaas';
UPDATE integracoes SET chave = '⟦hd2.iugu⟧' WHERE gateway = 'iugu';
UPDATE integracoes SET chave = '\${ASAAS_KEY}' WHERE gateway = 'asaas-dev';
SQL
