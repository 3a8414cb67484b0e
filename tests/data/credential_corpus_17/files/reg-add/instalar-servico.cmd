@echo off
rem Instala o serviço de cobrança e grava a configuração no registro
sc.exe create LojaCobranca binPath= "C:\Loja\Cobranca\cobranca.exe --servico" start= auto
reg add "HKLM\SOFTWARE\Loja\Cobranca" /v AsaasApiKey /t REG_SZ /d "⟦ra.asaas⟧" /f
reg add "HKLM\SOFTWARE\Loja\Cobranca" /v IuguApiToken /t REG_SZ /d ⟦ra.iugu⟧ /f
reg add "HKLM\SOFTWARE\Loja\Cobranca" /v InstallId /t REG_SZ /d {⟦ra.guid⟧} /f
sc.exe start LojaCobranca
