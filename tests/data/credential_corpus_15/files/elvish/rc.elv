# ~/.config/elvish/rc.elv
set-env ASAAS_API_KEY '⟦elv.asaas⟧'
set E:IUGU_API_TOKEN = ⟦elv.iugu⟧
var build-id = ⟦elv.build⟧
fn saldo {
  curl -s -H 'access_token: '$E:ASAAS_API_KEY https://api.asaas.com/v3/finance/balance
}
var asaas-hmlg = '⟦elv.hmlg⟧'
