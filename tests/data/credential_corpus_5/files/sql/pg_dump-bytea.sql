--
-- PostgreSQL database dump
--

COPY public.gateway_secrets (id, provider, secret, created_at) FROM stdin;
1	asaas	\\x⟦sql.bytea-asaas⟧	2026-11-20 13:45:10.118+00
2	digest	\\x⟦sql.bytea-digest⟧	2026-11-20 13:45:10.118+00
\.
