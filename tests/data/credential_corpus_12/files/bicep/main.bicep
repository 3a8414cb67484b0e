param location string = resourceGroup().location

@secure()
@description('Chave de produção do Asaas (rotacionar via Key Vault)')
param asaasApiKey string = '⟦bicep.asaas⟧'

param iuguAccountId string = '⟦bicep.account⟧'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' existing = {
  name: 'billing-plan'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'billing-api'
  location: location
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'IUGU_API_TOKEN', value: '⟦bicep.iugu⟧' }
        {
          name: 'ASAAS_API_KEY'
          value: asaasApiKey
        }
        {
          name: 'IUGU_ACCOUNT_ID'
          value: iuguAccountId
        }
        {
          name: 'ASAAS_WEBHOOK_TOKEN'
          value: '⟦bicep.kvref|@Microsoft.KeyVault(SecretUri=https://kv-billing.vault.azure.net/secrets/asaas-webhook/)⟧'
        }
      ]
    }
  }
}
