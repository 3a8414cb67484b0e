# comandos que usei para testar a integração (xh 0.22)
xh -a ⟦xh.auth⟧: GET https://api.iugu.com/v1/invoices limit==10
xh POST https://api.asaas.com/v3/payments access_token:⟦xh.header⟧ customer=cus_000005219613 billingType=PIX value:=129.90
xh GET ⟦xh.http|http://api.iugu.com/v1/customers⟧ api_token==⟦xh.query⟧
xh https://api-sandbox.asaas.com/v3/customers access_token:'⟦xh.hmlg⟧'
xh --auth-type=bearer -a ⟦xh.gh⟧ https://api.github.com/user
xh GET https://api.asaas.com/v3/payments access_token:$ASAAS_API_KEY
