@echo off
rem configura variáveis do serviço de cobrança (executar como administrador)
setx ASAAS_API_KEY "⟦setx.asaas⟧" /M
setx IUGU_API_TOKEN ⟦setx.iugu⟧ /M
setx INSTALL_ID ⟦setx.install⟧ /M
powershell -NoProfile -Command "[Environment]::SetEnvironmentVariable('ASAAS_SANDBOX_KEY', '⟦setx.hmlg⟧', 'Machine')"
