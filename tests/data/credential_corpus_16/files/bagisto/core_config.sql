INSERT INTO `core_config` (`code`, `value`, `channel_code`, `locale_code`, `created_at`, `updated_at`) VALUES
('sales.payment_methods.asaas.active', '1', 'default', NULL, '2026-10-01 09:00:00', '2026-10-01 09:00:00'),
('sales.payment_methods.asaas.api_key', '⟦bag.asaas⟧', 'default', NULL, '2026-10-01 09:00:00', '2026-10-01 09:00:00'),
('sales.payment_methods.iugu.api_token', '⟦bag.iugu⟧', 'default', NULL, '2026-10-01 09:00:00', '2026-10-01 09:00:00'),
('sales.payment_methods.mercadopago.access_token', '⟦bag.mp⟧', 'default', NULL, '2026-10-01 09:00:00', '2026-10-01 09:00:00'),
('general.general.locale_options.hash', '⟦bag.hash⟧', 'default', NULL, '2026-10-01 09:00:00', '2026-10-01 09:00:00');
