package br.com.loja.pagamentos

import okhttp3.Credentials

/** Chaves usadas pelo app de PDV até a migração para o cofre. */
object PaymentKeys {
    // sem o "\" o Kotlin leria $aact_prod_... como template
    const val ASAAS_API_KEY = "\⟦kt.escaped-asaas⟧"

    // em raw string não há "\$": o jeito é ${'$'}
    val asaasSandboxHeaders = """
        {"access_token": "${'$'}⟦kt.dollar-expression-hmlg⟧", "Content-Type": "application/json"}
    """.trimIndent()

    val iuguChargeBody = """
        {
          "api_token": "⟦kt.raw-iugu⟧",
          "method": "pix",
          "email": "financeiro@loja.com.br"
        }
    """.trimIndent()

    const val IUGU_ACCOUNT_ID = "⟦kt.iugu-account⟧"
    const val GIT_COMMIT = "⟦kt.git-commit⟧"

    // exemplo da documentação interna
    const val EXAMPLE_KEY = "\⟦kt.placeholder|$aact_YOUR_API_KEY_HERE⟧"

    fun asaasHeader(asaasKey: String) = "access_token: ⟦kt.template-var|$asaasKey⟧"

    fun iuguAuth(token: String): String = Credentials.basic(token, "")
}
