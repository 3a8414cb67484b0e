-- MySQL dump 10.13  Distrib 8.0.36
LOCK TABLES `accounts` WRITE;
INSERT INTO `accounts` (`id`, `name`, `api_token`, `created_at`) VALUES (1,'Loja Centro','⟦sql.insert-api-token⟧','2025-01-05 10:00:00'),(2,'Loja Norte',NULL,'2025-01-06 10:00:00');
UNLOCK TABLES;

INSERT INTO `settings` (`name`, `value`) VALUES ('iugu_api_token', '⟦sql.settings-key-value⟧'), ('iugu_account_id', '⟦sql.settings-account-id⟧'), ('iugu_api_token_md5', '⟦sql.settings-token-md5⟧');
INSERT INTO `wp_options` (`option_name`, `option_value`, `autoload`) VALUES ('woocommerce_iugu-credit-card_settings', 'a:3:{s:7:\"enabled\";s:3:\"yes\";s:9:\"api_token\";s:32:\"⟦sql.php-serialized-api-token⟧\";s:10:\"account_id\";s:32:\"⟦sql.php-serialized-account-id⟧\";}', 'yes');

INSERT INTO `oc_user_login` (`user_id`, `token`, `ip`) VALUES (1, '⟦sql.opencart-login-token⟧', '203.0.113.9');

COPY public.iugu_credentials (id, account, live_token, test_token) FROM stdin;
1	main	⟦sql.copy-live-token⟧	\N
\.

COPY public.webhooks (id, event, payload_sha256) FROM stdin;
1	invoice.paid	⟦sql.copy-payload-sha256⟧
\.
