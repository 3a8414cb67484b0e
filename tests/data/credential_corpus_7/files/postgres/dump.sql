--
-- PostgreSQL database dump
--

-- Dumped from database version 16.4
SET statement_timeout = 0;
SET client_encoding = 'UTF8';

COPY public.gateway_credentials (id, tenant_id, provider, credential, credential_sha256, created_at) FROM stdin;
⟦copy.uuid⟧	7	iugu	⟦copy.iugu⟧	⟦copy.sha256⟧	2026-12-01 03:14:07.123+00
⟦copy.uuid-2⟧	8	asaas	⟦copy.asaas⟧	⟦copy.sha256-2⟧	2026-12-01 03:15:12.411+00
⟦copy.uuid-3⟧	9	asaas	\N	\N	2026-12-01 03:16:00.000+00
\.

COPY public.settings (key, value) FROM stdin;
payments.asaas.base_url	https://api-sandbox.asaas.com/v3
payments.asaas.api_key	⟦copy.setting-asaas⟧
payments.iugu.webhook_id	⟦copy.webhook-id⟧
\.
