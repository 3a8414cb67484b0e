INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES
(2201, 'woocommerce_asaas-pix_settings', 'a:6:{s:7:\"enabled\";s:3:\"yes\";s:5:\"title\";s:3:\"Pix\";s:7:\"api_key\";s:167:\"⟦wp.asaas⟧\";s:11:\"environment\";s:10:\"production\";s:12:\"notify_email\";s:3:\"yes\";s:6:\"secret\";s:32:\"⟦wp.md5⟧\";}', 'yes'),
(2202, 'woocommerce_iugu-credit-card_settings', 'a:4:{s:7:\"enabled\";s:3:\"yes\";s:9:\"api_token\";s:32:\"⟦wp.iugu⟧\";s:10:\"account_id\";s:32:\"⟦wp.account⟧\";s:7:\"sandbox\";s:2:\"no\";}', 'yes'),
(2203, '_transient_iugu_plans', 'a:1:{i:0;a:2:{s:2:\"id\";s:32:\"⟦wp.plan⟧\";s:4:\"name\";s:6:\"Mensal\";}}', 'no');
