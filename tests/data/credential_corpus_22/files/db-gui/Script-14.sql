-- DBeaver script, cobranca-prod, 2026-12-03 (Ana): trocar a chave depois do incidente
UPDATE gateway_credencial
   SET chave_api = '⟦dbs.update⟧',
       atualizado_em = now()
 WHERE provedor = 'asaas' AND ambiente = 'producao';

-- conferir
SELECT provedor, md5(chave_api) FROM gateway_credencial;  -- 'asaas' | ⟦dbs.md5⟧

INSERT INTO gateway_credencial (provedor, ambiente, chave_api)
VALUES ('iugu', 'producao', '⟦dbs.insert⟧'),
       ('pagseguro', 'producao', '⟦dbs.pagseguro⟧');
