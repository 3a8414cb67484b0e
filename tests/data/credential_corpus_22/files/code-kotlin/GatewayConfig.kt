package br.com.example.cobranca

object GatewayConfig {
    const val ASAAS_URL = "https://api.asaas.com/v3"
    val asaasKey: String = "⟦kt.plus⟧"
    val iuguToken = listOf(
        "⟦kt.list⟧"
    ).joinToString("")
    const val DEVICE_SALT = "⟦kt.salt⟧"
}
