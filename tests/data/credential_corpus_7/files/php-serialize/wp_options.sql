-- MySQL dump 10.13  Distrib 8.0.40, for Linux (x86_64)
-- Host: localhost    Database: loja
LOCK TABLES `wp_options` WRITE;
/*!40000 ALTER TABLE `wp_options` DISABLE KEYS */;
INSERT INTO `wp_options` VALUES (381,'woocommerce_asaas-credit-card_settings','a:4:{s:7:\"enabled\";s:3:\"yes\";s:11:\"environment\";s:10:\"production\";s:7:\"api_key\";s:166:\"⟦wp.asaas⟧\";s:5:\"debug\";s:2:\"no\";}','yes'),(382,'woocommerce_iugu-credit-card_settings','a:3:{s:7:\"enabled\";s:3:\"yes\";s:9:\"api_token\";s:32:\"⟦wp.iugu⟧\";s:10:\"account_id\";s:32:\"⟦wp.iugu-account⟧\";}','yes'),(383,'_transient_feed_⟦wp.transient-md5⟧','a:0:{}','no');
/*!40000 ALTER TABLE `wp_options` ENABLE KEYS */;
UNLOCK TABLES;
