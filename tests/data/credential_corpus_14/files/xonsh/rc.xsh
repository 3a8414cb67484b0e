# ~/.xonshrc do servidor de cobrança
$ASAAS_API_KEY = '⟦xsh.asaas⟧'
${'IUGU_API_TOKEN'} = "⟦xsh.iugu⟧"
$XONSH_HISTORY_SIZE = (8128, 'commands')
$BUILD_SHA = '⟦xsh.sha⟧'

def _saldo():
    curl -s -H @("access_token: " + $ASAAS_API_KEY) https://api.asaas.com/v3/finance/balance

aliases['saldo'] = _saldo
