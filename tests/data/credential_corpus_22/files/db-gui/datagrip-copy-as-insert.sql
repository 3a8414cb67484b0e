INSERT INTO public.integracoes (id, loja_id, gateway, credencial, webhook_secret, criado_em) VALUES (41, '⟦dg.loja⟧', 'iugu', '⟦dg.iugu⟧', '⟦dg.whsec⟧', '2026-11-02 14:03:11.000000');
INSERT INTO public.integracoes (id, loja_id, gateway, credencial, webhook_secret, criado_em) VALUES (42, '⟦dg.loja2⟧', 'asaas', '⟦dg.asaas⟧', null, '2026-11-02 14:05:40.000000');
INSERT INTO public.integracoes (id, loja_id, gateway, credencial, webhook_secret, criado_em) VALUES (43, '⟦dg.loja3⟧', 'mercadopago', '⟦dg.mp⟧', null, '2026-11-03 09:12:55.000000');
