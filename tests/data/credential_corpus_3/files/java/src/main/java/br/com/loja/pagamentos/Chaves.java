package br.com.loja.pagamentos;

/** Chaves das integrações de pagamento (provisório). */
public final class Chaves {

    // javac traduz \u0024 antes de tudo: é o "$"
    static final String ASAAS_API_KEY = "⟦java.unicode-escaped⟧";

    // escape octal do Java: \044 = "$"
    static final String ASAAS_BACKUP_KEY = "⟦java.octal⟧";

    static final String IUGU_REQUEST = """
        {
          "api_token": "⟦java.textblock-iugu⟧",
          "email": "financeiro@loja.com.br"
        }
        """;

    // bloco de texto: "\" no fim da linha junta com a próxima
    static final String ASAAS_SANDBOX_KEY = """
        ⟦java.textblock-continued-asaas⟧""";

    static final String IUGU_ACCOUNT_ID = "⟦java.iugu-account⟧";
    static final String ARTIFACT_SHA256 = "⟦java.sha256⟧";

    static String header(String asaasKey) {
        return "access_token: %s".formatted(asaasKey);
    }

    private Chaves() {}
}
