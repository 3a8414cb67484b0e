@echo off
rem Variaveis do servico de faturamento (maquina de homologacao)
setlocal
set "ASAAS_API_KEY=⟦bat.quoted-set-hmlg⟧"
set IUGU_API_TOKEN=⟦bat.iugu⟧
set IUGU_ACCOUNT_ID=⟦bat.iugu-account⟧
setx ASAAS_API_KEY_PROD "⟦bat.setx-asaas⟧" /M

curl -s -X POST https://api.iugu.com/v1/invoices ^
  -u ⟦bat.caret-continued-iugu⟧: ^
  -d "email=financeiro@loja.com.br"

set BUILD_SHA=⟦bat.build-sha⟧
set "ASAAS_EXAMPLE=⟦bat.placeholder|$aact_SUA_CHAVE_AQUI⟧"
echo Chave: %ASAAS_API_KEY:~0,12%...
endlocal
