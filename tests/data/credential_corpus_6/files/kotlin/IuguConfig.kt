package br.com.loja.billing

import org.springframework.beans.factory.annotation.Value
import org.springframework.context.annotation.Configuration

@Configuration
class IuguConfig(
    @Value("\${iugu.api-token:⟦kotlin.value-default⟧}") private val apiToken: String,
    @Value("\${iugu.account-id:⟦kotlin.account-default⟧}") private val accountId: String,
    @Value("\${asaas.api-key:⟦kotlin.asaas-placeholder|\$aact_hmlg_COLOQUE_SUA_CHAVE⟧}") private val asaasKey: String,
)
