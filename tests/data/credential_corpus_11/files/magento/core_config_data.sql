-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Host: localhost    Database: magento
LOCK TABLES `core_config_data` WRITE;
/*!40000 ALTER TABLE `core_config_data` DISABLE KEYS */;
INSERT INTO `core_config_data` (`config_id`, `scope`, `scope_id`, `path`, `value`, `updated_at`) VALUES (1,'default',0,'web/seo/use_rewrites','1','2025-03-04 13:22:10'),(212,'default',0,'payment/asaas_pix/api_key','⟦sql.asaas⟧','2025-03-05 09:11:02'),(213,'default',0,'payment/asaas_pix/environment','production','2025-03-05 09:11:02'),(214,'websites',1,'payment/iugu_cc/api_token','⟦sql.iugu⟧','2025-03-05 09:12:40'),(215,'websites',1,'payment/iugu_cc/account_id','⟦sql.account⟧','2025-03-05 09:12:40'),(216,'default',0,'payment/asaas_pix/webhook_token_sha256','⟦sql.webhook-sha⟧','2025-03-05 09:13:00');
/*!40000 ALTER TABLE `core_config_data` ENABLE KEYS */;
UNLOCK TABLES;
