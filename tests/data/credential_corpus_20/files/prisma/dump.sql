-- pg_dump da base de homologação
INSERT INTO public._prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ('⟦pr.migid⟧', '⟦pr.checksum⟧', '2026-10-02 13:20:11.482+00', '20261002131955_gateways', NULL, NULL, '2026-10-02 13:20:11.401+00', 1);
INSERT INTO public."GatewayCredential" (id, provider, environment, token) VALUES (1, 'asaas', 'production', '⟦pr.dump⟧');
INSERT INTO public."GatewayCredential" (id, provider, environment, token) VALUES (2, 'iugu', 'live', '⟦pr.dump-iugu⟧');
