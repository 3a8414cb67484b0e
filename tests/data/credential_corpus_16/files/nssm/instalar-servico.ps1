nssm install CobrancaWorker "C:\cobranca\worker.exe"
nssm set CobrancaWorker AppDirectory "C:\cobranca"
nssm set CobrancaWorker AppEnvironmentExtra "ASAAS_API_KEY=⟦nssm.asaas⟧" "IUGU_API_TOKEN=⟦nssm.iugu⟧" "SERVICE_GUID=⟦nssm.guid⟧"
nssm set CobrancaWorker ObjectName ".\svc-cobranca" "⟦nssm.pass|Sv!c2026Cobr4nca⟧"
nssm start CobrancaWorker
