--
-- Dumping data for table `sylius_gateway_config`
--

INSERT INTO `sylius_gateway_config` VALUES (1,'{\"api_key\":\"⟦syl.asaas⟧\",\"sandbox\":false}','asaas','asaas'),(2,'{\"api_token\":\"⟦syl.iugu⟧\",\"account_id\":\"⟦syl.account⟧\"}','iugu','iugu'),(3,'{\"publishable_key\":\"⟦syl.stripepk|pk_live_51HqX2aLkQ9ZrT7bNnPq0WbYx⟧\",\"secret_key\":\"⟦syl.stripe⟧\"}','stripe','stripe_checkout');
