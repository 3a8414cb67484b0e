-- MySQL dump 10.13  Distrib 8.0.40, for Linux (x86_64)
--
-- Host: db.internal    Database: billing
-- ------------------------------------------------------
DROP TABLE IF EXISTS `settings`;
CREATE TABLE `settings` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(64) NOT NULL,
  `value` json NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `settings` WRITE;
INSERT INTO `settings` VALUES (7,'payment','{\"iugu\": {\"api_token\": \"⟦mysql.json-iugu⟧\", \"account_id\": \"⟦mysql.account-id⟧\"}, \"asaas\": {\"api_key\": \"⟦mysql.json-asaas⟧\", \"wallet_id\": \"⟦mysql.wallet⟧\"}}'),(8,'release','{\"commit\": \"⟦mysql.commit⟧\"}');
UNLOCK TABLES;
DROP TABLE IF EXISTS `gateway_keys`;
CREATE TABLE `gateway_keys` (`tenant_id` int, `provider` varchar(16), `secret` varchar(255), `secret_md5` char(32));
INSERT INTO `gateway_keys` VALUES (42,'iugu','⟦mysql.row-iugu⟧','⟦mysql.row-md5⟧'),(43,'asaas','⟦mysql.row-asaas⟧','⟦mysql.row-md5-2⟧');
