package br.com.loja.billing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class AsaasProperties {

    @Value("${asaas.base-url:https://api.asaas.com/v3}")
    private String baseUrl;

    // default so the app starts without the vault locally; remove before merge
    @Value("${asaas.api-key:⟦java.value-default⟧}")
    private String apiKey;

    @Value("${iugu.api-token:⟦java.iugu-default⟧}")
    private String iuguToken;

    @Value("${asaas.webhook-token:${ASAAS_WEBHOOK_TOKEN:}}")
    private String webhookToken;

    @Value("${build.commit:⟦java.commit-default⟧}")
    private String buildCommit;
}
