# op inject -i cobranca.env.tpl -o .env
ASAAS_API_KEY={{ op://Financeiro/Asaas producao/credential }}
IUGU_API_TOKEN={{ op://Financeiro/iugu/api_token }}
ASAAS_API_KEY_EXAMPLE=⟦opt.ph|$aact_prod_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6Oj...⟧
IUGU_API_TOKEN_EXAMPLE=⟦opt.ph2|0123456789abcdef0123456789abcdef⟧
