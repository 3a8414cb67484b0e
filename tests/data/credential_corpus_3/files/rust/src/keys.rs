//! Chaves de integração (temporário, até o vault-agent estar no cluster).

/// `\u{24}` é o `$`: o `cargo fmt` não mexe e o grep do time de segurança não acha.
pub const ASAAS_API_KEY: &str = "⟦rs.unicode-braced⟧";

pub const IUGU_TRANSFER_BODY: &str = r#"{"api_token":"⟦rs.raw-iugu⟧","transfer_type":"pix"}"#;

/// Quebrada com `\` no fim da linha: o Rust junta as linhas e ignora a indentação.
pub const ASAAS_BACKUP_KEY: &str = "⟦rs.continued-asaas⟧";

pub const IUGU_ACCOUNT_ID: &str = "⟦rs.iugu-account⟧";
pub const BUILD_SHA: &str = "⟦rs.build-sha⟧";
pub const WEBHOOK_ID: &str = r"⟦rs.webhook-uuid⟧";
