grails.plugin.springsecurity.userLookup.userDomainClassName = 'loja.Usuario'

pagamentos {
    asaas {
        url = 'https://api.asaas.com/v3'
        apiKey = '⟦gr.asaas⟧'
    }
    iugu {
        apiToken = "⟦gr.iugu⟧"
        contaId = '⟦gr.account⟧'
    }
}

environments {
    development {
        pagamentos.asaas.apiKey = '⟦gr.dev⟧'
    }
}
