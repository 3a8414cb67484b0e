-- MySQL dump 10.13  Distrib 8.0.40, for Linux (x86_64)
-- mysqldump --hex-blob loja gateway_credentials
--
-- Table structure for table `gateway_credentials`
--

DROP TABLE IF EXISTS `gateway_credentials`;
CREATE TABLE `gateway_credentials` (
  `id` int NOT NULL AUTO_INCREMENT,
  `provider` varchar(16) NOT NULL,
  `secret` varbinary(512) NOT NULL,
  `secret_sha256` binary(32) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `gateway_credentials` WRITE;
INSERT INTO `gateway_credentials` VALUES (1,'asaas',0x⟦sql.hex-blob-asaas⟧,0x⟦sql.hex-sha256⟧);
UNLOCK TABLES;
