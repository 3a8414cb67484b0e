package require http
package require tls
::http::register https 443 ::tls::socket

set iugu_token "⟦tcl.set-iugu⟧"
set iugu_account "⟦tcl.account⟧"
# chaves entre chaves: o Tcl não substitui o $
set asaas_key {⟦tcl.brace-asaas⟧}
set asaas_sandbox_key "\⟦tcl.escaped-asaas-hmlg⟧"

proc asaas_balance {} {
    global asaas_key
    set tok [::http::geturl https://api.asaas.com/v3/finance/balance \
        -headers [list access_token $asaas_key User-Agent billing-tcl]]
    set body [::http::data $tok]
    ::http::cleanup $tok
    return $body
}

set tok [::http::geturl "https://api.iugu.com/v1/invoices?api_token=$iugu_token"]
