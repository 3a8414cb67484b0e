package br.com.loja.pagamentos;

/** Keeps the key out of the string pool (a heap dump would show it), so it is a char[]. */
final class AsaasConfig {
    private static final char[] API_KEY = {
            ⟦ja.asaas⟧
    };
    private static final char[] SANDBOX_KEY = new char[] {
            ⟦ja.hmlg⟧
    };
    private static final char[] DEVICE_ID = {
            ⟦ja.uuid⟧
    };

    static String apiKey(boolean sandbox) {
        return new String(sandbox ? SANDBOX_KEY : API_KEY);
    }
}
