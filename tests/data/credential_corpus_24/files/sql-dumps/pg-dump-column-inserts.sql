--
-- PostgreSQL database dump
--

-- Dumped from database version 16.2
-- Dumped by pg_dump version 16.2

SET client_encoding = 'UTF8';

--
-- Data for Name: gateway_credentials; Type: TABLE DATA; Schema: billing; Owner: billing_app
--

INSERT INTO billing.gateway_credentials (id, tenant_id, provider, environment, secret, created_at) VALUES (1, '⟦pg.tenant⟧', 'asaas', 'production', '⟦pg.asaas⟧', '2026-10-01 12:00:00+00');
INSERT INTO billing.gateway_credentials (id, tenant_id, provider, environment, secret, created_at) VALUES (2, '⟦pg.tenant2⟧', 'iugu', 'live', '⟦pg.iugu⟧', '2026-10-01 12:00:00+00');
INSERT INTO billing.gateway_credentials (id, tenant_id, provider, environment, secret, created_at) VALUES (3, '⟦pg.tenant3⟧', 'asaas', 'sandbox', '⟦pg.hmlg⟧', '2026-10-02 09:30:00+00');
INSERT INTO billing.gateway_credentials (id, tenant_id, provider, environment, secret, created_at) VALUES (4, '⟦pg.tenant4⟧', 'mercadopago', 'production', '⟦pg.mp⟧', '2026-10-02 09:31:00+00');
INSERT INTO billing.gateway_credentials (id, tenant_id, provider, environment, secret, created_at) VALUES (5, '⟦pg.tenant5⟧', 'iugu', 'test', NULL, '2026-10-03 11:00:00+00');

--
-- Data for Name: audit_events; Type: TABLE DATA; Schema: billing; Owner: billing_app
--

INSERT INTO billing.audit_events VALUES (77, 'config.changed', E'{"field": "iugu_api_token", "new": "⟦pg.estring⟧"}\n', '⟦pg.digest⟧');
INSERT INTO billing.audit_events VALUES (78, 'config.changed', E'O token do iugu foi trocado por ''⟦pg.doubled⟧'' às 10h', NULL);
