-- mysqldump shopware6 system_config (plugins de pagamento)
INSERT INTO `system_config` (`id`, `configuration_key`, `configuration_value`, `sales_channel_id`, `created_at`, `updated_at`) VALUES
(0x0191E1A2B3C4D5E6F708192A3B4C5D6E,'AsaasPayment.config.apiKey','{\"_value\": \"⟦sw.asaas⟧\"}',NULL,'2026-11-02 10:11:12.000',NULL),
(0x0191E1A2B3C4D5E6F708192A3B4C5D6F,'AsaasPayment.config.sandboxApiKey','{\"_value\": \"⟦sw.hmlg⟧\"}',NULL,'2026-11-02 10:11:12.000',NULL),
(0x0191E1A2B3C4D5E6F708192A3B4C5D70,'IuguPayment.config.apiToken','{\"_value\": \"⟦sw.iugu⟧\"}',NULL,'2026-11-02 10:11:12.000',NULL),
(0x0191E1A2B3C4D5E6F708192A3B4C5D71,'IuguPayment.config.accountId','{\"_value\": \"⟦sw.account⟧\"}',NULL,'2026-11-02 10:11:12.000',NULL),
(0x0191E1A2B3C4D5E6F708192A3B4C5D72,'core.store.shopId','{\"_value\": \"⟦sw.shopid⟧\"}',NULL,'2026-11-02 10:11:12.000',NULL);
