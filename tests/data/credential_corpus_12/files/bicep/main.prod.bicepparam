using 'main.bicep'

param asaasApiKey = '⟦bicepparam.asaas⟧'
param iuguAccountId = '⟦bicepparam.account⟧'
