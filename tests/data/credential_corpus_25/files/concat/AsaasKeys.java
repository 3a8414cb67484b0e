package br.com.loja.asaas;

public final class AsaasKeys {
    static final String PRODUCTION = new StringBuilder("⟦sb.asaas⟧")
        .toString();
    static final String STRIPE = new StringBuilder("sk_live_").append("⟦sb.stripe|51HqLx2eZvKYlo2C8tT4rW9bN⟧").toString();
    static final String REQUEST = "⟦sb.uuid⟧";
}
