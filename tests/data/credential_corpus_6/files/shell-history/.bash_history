#1764590400
export ASAAS_API_KEY=⟦bash.asaas-export-unquoted⟧
#1764590431
docker run --rm -e IUGU_API_TOKEN=⟦bash.iugu-docker-e⟧ registry.loja.com.br/billing-worker:2026.12.1 reconcile
#1764590460
git commit -m "rotate token ⟦bash.commit-msg-sha⟧"
#1764590499
http --auth ⟦bash.iugu-httpie⟧: GET https://api.iugu.com/v1/accounts/⟦bash.iugu-account⟧
