-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: db-cobranca    Database: cobranca
-- ------------------------------------------------------
/*!40101 SET NAMES utf8mb4 */;

LOCK TABLES `tenant_settings` WRITE;
/*!40000 ALTER TABLE `tenant_settings` DISABLE KEYS */;
INSERT INTO `tenant_settings` VALUES (1,'loja-centro','{\"gateway\":\"asaas\",\"apiKey\":\"⟦my.json⟧\",\"walletId\":\"⟦my.wallet⟧\"}','2026-11-02 10:12:00'),(2,'loja-norte','{\"gateway\":\"iugu\",\"api_token\":\"⟦my.json2⟧\",\"account_id\":\"⟦my.account⟧\"}','2026-11-03 08:40:11'),(3,'loja-sul','D\'Ávila Comércio','{\"gateway\":\"asaas\",\"apiKey\":\"⟦my.masked|$aact_****************************a91c⟧\"}','2026-11-04 09:00:00');
/*!40000 ALTER TABLE `tenant_settings` ENABLE KEYS */;
UNLOCK TABLES;

LOCK TABLES `webhook_log` WRITE;
INSERT INTO `webhook_log` VALUES (991,'POST','/webhooks/asaas','asaas-access-token: ⟦my.whtoken|whsec-loja-centro-2026⟧','⟦my.sha⟧'),(992,'GET','https://api.iugu.com/v1/invoices?api_token=⟦my.query⟧&limit=10','','⟦my.sha2⟧');
UNLOCK TABLES;
