#!/bin/sh
# atualiza as variáveis do app no CapRover
caprover api --caproverUrl https://captain.loja.com.br --path /user/apps/appDefinitions/update --method POST \
  --data '{"appName":"cobranca","envVars":[{"key":"ASAAS_API_KEY","value":"⟦cp.asaas⟧"},{"key":"IUGU_API_TOKEN","value":"⟦cp.iugu⟧"},{"key":"GIT_SHA","value":"⟦cp.sha⟧"}]}'
