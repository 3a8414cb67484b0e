Configuration BillingServer
{
    Import-DscResource -ModuleName PSDesiredStateConfiguration

    Node 'billing-win-01'
    {
        Environment AsaasApiKey
        {
            Name   = 'ASAAS_API_KEY'
            Value  = '⟦dsc.asaas⟧'
            Ensure = 'Present'
            Target = @('Machine')
        }

        Environment IuguToken
        {
            Name   = 'IUGU_API_TOKEN'
            Value  = '⟦dsc.iugu⟧'
            Ensure = 'Present'
        }

        Registry IuguAccount
        {
            Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Billing'
            ValueName = 'IuguAccountId'
            ValueData = '⟦dsc.account⟧'
            ValueType = 'String'
        }
    }
}

BillingServer -OutputPath C:\dsc\BillingServer
