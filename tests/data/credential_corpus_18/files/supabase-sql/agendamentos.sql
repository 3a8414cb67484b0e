-- Agendamentos no Supabase (pg_cron + pg_net). Rodar no SQL Editor.
create extension if not exists pg_cron;
create extension if not exists pg_net;

select cron.schedule(
  'sincronizar-faturas-iugu',
  '*/10 * * * *',
  $$
  select net.http_get(
    url := 'https://api.iugu.com/v1/invoices?api_token=⟦sb.iugu⟧&status_filter=paid',
    headers := '{"Content-Type": "application/json"}'::jsonb
  );
  $$
);

select net.http_post(
  url := 'https://api.asaas.com/v3/payments',
  headers := jsonb_build_object('access_token', '⟦sb.asaas⟧', 'Content-Type', 'application/json'),
  body := jsonb_build_object('customer', 'cus_000005113026', 'billingType', 'PIX', 'value', 49.90)
);

-- guardar no Vault do Supabase (valor, nome, descrição)
select vault.create_secret('⟦sb.vault⟧', 'iugu_api_token', 'token de produção da iugu');
select vault.update_secret('⟦sb.keyid⟧', new_description := 'rotacionado em 2026-03-02');
