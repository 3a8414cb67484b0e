clever login
clever link app_8a2c7d4e-91f0-4c55-9b1e-3f6a2d9e7c10
clever env set IUGU_API_TOKEN ⟦pc.clever⟧
clever restart
scalingo --app loja-cobranca env-set ASAAS_API_KEY='⟦pc.scalingo⟧'
upsun variable:create --level environment --environment main --name env:IUGU_API_TOKEN --value ⟦pc.upsun⟧ --sensitive false
koyeb service update cobranca/api --env ASAAS_API_KEY='⟦pc.koyeb⟧'
php vendor/bin/vapor secret production --name=IUGU_API_TOKEN --value=⟦pc.vapor⟧
northflank get project list
