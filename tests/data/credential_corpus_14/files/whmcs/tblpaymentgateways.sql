-- mysqldump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Host: localhost    Database: whmcs
-- ------------------------------------------------------

DROP TABLE IF EXISTS `tblpaymentgateways`;
CREATE TABLE `tblpaymentgateways` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `gateway` text COLLATE utf8_unicode_ci NOT NULL,
  `setting` text COLLATE utf8_unicode_ci NOT NULL,
  `value` text COLLATE utf8_unicode_ci NOT NULL,
  `order` int(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=61 DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci;

LOCK TABLES `tblpaymentgateways` WRITE;
INSERT INTO `tblpaymentgateways` VALUES (41,'asaas','name','Asaas - Boleto e Pix',1),(42,'asaas','type','Invoices',0),(43,'asaas','visible','on',0),(44,'asaas','apiKey','⟦whmcs.asaas⟧',0),(45,'asaas','sandboxApiKey','⟦whmcs.hmlg⟧',0),(46,'asaas','webhookToken','⟦whmcs.hook⟧',0),(51,'iugu','name','iugu',2),(52,'iugu','apiToken','⟦whmcs.iugu⟧',0),(53,'iugu','accountId','⟦whmcs.account⟧',0),(54,'iugu','testMode','',0),(57,'stripe','secretKey','⟦whmcs.stripe⟧',0);
UNLOCK TABLES;
