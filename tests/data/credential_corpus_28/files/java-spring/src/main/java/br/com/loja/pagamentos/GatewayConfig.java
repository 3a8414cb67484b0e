package br.com.loja.pagamentos;

import cieloecommerce.sdk.Merchant;
import cieloecommerce.sdk.Environment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class GatewayConfig {

    private static final String IUGU_API_TOKEN = "⟦jv.iugu⟧";
    private static final String PAGSEGURO_TOKEN = "⟦jv.pagseguro⟧";

    @Value("${cielo.merchant-id:⟦jv.cielo-id⟧}")
    private String cieloMerchantId;

    @Value("${cielo.merchant-key:⟦jv.cielo-key|VXZQKBRMTNHWPLDYCJGSFOEAIUVZXQKBRMTNHWPL⟧}")
    private String cieloMerchantKey;

    @Bean
    public Merchant cieloMerchant() {
        return new Merchant(cieloMerchantId, cieloMerchantKey);
    }

    @Bean
    public IuguClient iuguClient() {
        return new IuguClient(IUGU_API_TOKEN);
    }

    @Bean
    public PagSeguroClient pagSeguroClient() {
        return PagSeguroClient.builder()
            .email("vendas@loja.com.br")
            .token(PAGSEGURO_TOKEN)
            .environment(PagSeguroEnv.PRODUCTION)
            .build();
    }
}
