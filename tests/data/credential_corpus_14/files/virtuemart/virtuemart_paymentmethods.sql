-- Joomla 4 / VirtueMart 4: payment methods (plugin params are name="value"| pairs)
INSERT INTO `jos_virtuemart_paymentmethods` (`virtuemart_paymentmethod_id`, `virtuemart_vendor_id`, `payment_jplugin_id`, `payment_element`, `payment_params`, `shared`, `ordering`, `published`) VALUES
(3, 1, 10241, 'asaas', 'payment_logos=""|asaas_env="production"|asaas_api_key="⟦vm.asaas⟧"|asaas_wallet="⟦vm.wallet⟧"|status_pending="P"|status_success="C"|', 0, 1, 1),
(4, 1, 10242, 'iugu', 'payment_logos=""|iugu_account_id="⟦vm.account⟧"|iugu_api_token="⟦vm.iugu⟧"|iugu_test_mode="0"|min_amount=""|', 0, 2, 1);
