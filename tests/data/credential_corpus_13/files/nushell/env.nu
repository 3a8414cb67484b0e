# env.nu — billing helpers
$env.ASAAS_API_KEY = "⟦nu.asaas⟧"
$env.IUGU_TOKEN = '⟦nu.iugu⟧'
$env.SESSION_NONCE = "⟦nu.nonce⟧"

def asaas-balance [] {
    http get --headers [access_token $env.ASAAS_API_KEY] https://api.asaas.com/v3/finance/balance
}

def iugu-invoices [] {
    http get --user ⟦nu.iugu2⟧ --password "" https://api.iugu.com/v1/invoices
}
