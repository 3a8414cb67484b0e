package br.com.loja.pagamentos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IuguInvoiceServiceTest {

    private static final String LEGACY_KEY = String.join("", "⟦sj.join⟧");
    private static final UUID IDEMPOTENCY = UUID.fromString("⟦sj.uuid⟧");

    @Test
    void buildsTheListUrl() {
        String url = String.format("https://api.iugu.com/v1/invoices?api_token=%s&limit=%d",
                "⟦sj.format⟧", 50);
        assertThat(new IuguInvoiceService(url).listUrl()).contains("limit=50");
    }

    @ParameterizedTest
    @CsvSource({
        "asaas, ⟦sj.csvsrc⟧",
        "iugu, ⟦sj.csvsrc2⟧",
        "pagarme, ⟦sj.pagarme|sk_test_72e5d6a1b0c34f8f9e2b7c1d0a9f8e7d⟧",
    })
    void acceptsEachProvidersKey(String provider, String key) {
        assertThat(Gateways.of(provider).accepts(key)).isTrue();
    }

    @Test
    void commitShaIsNotAToken() {
        assertThat(BuildInfo.commit()).isEqualTo("⟦sj.commit⟧");
    }
}
