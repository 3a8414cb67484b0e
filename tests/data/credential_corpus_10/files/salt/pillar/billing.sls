{% set env = grains.get('env', 'prod') %}
billing:
  lookup:
    service_user: billing
iugu:
  account_id: {{ salt['pillar.get']('iugu_account', '⟦salt.sls-account⟧') }}
  api_token: ⟦salt.sls-iugu⟧
asaas:
{% if env == 'prod' %}
  api_key: '⟦salt.sls-asaas⟧'
  base_url: https://api.asaas.com/v3
{% else %}
  api_key: '⟦salt.sls-asaas-hmlg⟧'
  base_url: https://api-sandbox.asaas.com/v3
{% endif %}
