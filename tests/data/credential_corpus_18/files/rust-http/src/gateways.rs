use figment::{providers::{Env, Serialized}, Figment};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
pub struct Config {
    pub asaas_api_key: String,
    pub iugu_api_token: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            asaas_api_key: "⟦rs.asaas⟧".into(),
            iugu_api_token: String::new(),
        }
    }
}

pub fn carregar() -> Config {
    Figment::from(Serialized::defaults(Config::default()))
        .merge(Env::prefixed("LOJA_"))
        .extract()
        .expect("configuração inválida")
}

pub async fn faturas_iugu(cliente: &reqwest::Client) -> reqwest::Result<String> {
    cliente
        .get("https://api.iugu.com/v1/invoices")
        .basic_auth("⟦rs.iugu⟧", None::<&str>)
        .send()
        .await?
        .text()
        .await
}

pub fn cabecalhos_asaas() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        HeaderName::from_static("access_token"),
        HeaderValue::from_static("⟦rs.header⟧"),
    );
    headers
}
