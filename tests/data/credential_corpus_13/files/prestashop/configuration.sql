-- mysqldump of ps_configuration for the asaas/iugu payment modules
INSERT INTO `ps_configuration` (`id_configuration`, `id_shop_group`, `id_shop`, `name`, `value`, `date_add`, `date_upd`) VALUES
(412,NULL,NULL,'ASAAS_PAYMENT_API_KEY','⟦presta.asaas⟧','2026-03-02 10:11:12','2026-11-28 09:00:01'),
(413,NULL,NULL,'ASAAS_PAYMENT_WEBHOOK_TOKEN','⟦presta.webhook⟧','2026-03-02 10:11:12','2026-03-02 10:11:12'),
(414,NULL,NULL,'IUGU_LIVE_TOKEN','⟦presta.iugu⟧','2026-03-02 10:11:12','2026-03-02 10:11:12'),
(415,NULL,NULL,'PS_SHOP_HASH','⟦presta.hash⟧','2026-03-02 10:11:12','2026-03-02 10:11:12');
