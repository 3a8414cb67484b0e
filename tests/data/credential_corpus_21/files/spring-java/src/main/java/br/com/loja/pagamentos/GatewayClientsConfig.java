package br.com.loja.pagamentos.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
public class GatewayClientsConfig {

    // TODO mover para o Vault antes do go-live (PAG-212)
    private static final String IUGU_TOKEN = "⟦sj.const⟧";
    private static final String ASAAS_KEY = "⟦sj.concat⟧";
    private static final String CHECKOUT_SALT = "⟦sj.salt⟧";

    @Bean
    public RestTemplate iuguRestTemplate(RestTemplateBuilder builder) {
        return builder.rootUri("https://api.iugu.com/v1")
                .basicAuthentication(IUGU_TOKEN, "")
                .build();
    }

    @Bean
    public WebClient asaasWebClient() {
        return WebClient.builder()
                .baseUrl("https://api.asaas.com/v3")
                .defaultHeader("access_token", ASAAS_KEY)
                .defaultHeader(HttpHeaders.USER_AGENT, "loja-pagamentos/2.3")
                .build();
    }

    @Bean
    public WebClient iuguReportsClient() {
        String basic = Base64.getEncoder()
                .encodeToString("⟦sj.colon⟧:".getBytes(StandardCharsets.UTF_8));
        return WebClient.builder()
                .baseUrl("https://api.iugu.com/v1/reports")
                .defaultHeader(HttpHeaders.AUTHORIZATION, String.format("Basic %s", basic))
                .build();
    }

    @Bean
    public WebClient stripeClient() {
        return WebClient.builder()
                .baseUrl("https://api.stripe.com/v1")
                .defaultHeaders(h -> h.setBearerAuth("⟦sj.stripe|sk_test_4eC39HqLyjWDarjtT1zdp7dc⟧"))
                .build();
    }
}
