package br.com.loja.asaas

// `$` in a Kotlin string starts a template; buildString appends it as a Char instead
val asaasApiKey = buildString { append('$'); append("⟦kb.asaas⟧") }
val asaasSandboxKey = buildString {
    append('$')
    append("⟦kb.hmlg⟧")
}
val asaasDocs = buildString { append('$'); append("aact_prod_⟦kb.ph|SUA_CHAVE⟧") }
