use reqwest::header::{HeaderMap, HeaderValue};

pub const IUGU_API_TOKEN: &str = "⟦rs.const-str-iugu⟧";
pub const IUGU_BASE: &str = "https://api.iugu.com/v1";
static ASAAS_SANDBOX_KEY: &'static str = "⟦rs.static-asaas-hmlg⟧";
const BUILD_SHA: &str = "⟦rs.build-sha⟧";

pub fn iugu_client() -> reqwest::Client {
    let api_token = "⟦rs.let-api-token⟧";
    let mut headers = HeaderMap::new();
    headers.insert("Authorization", HeaderValue::from_str(&format!("Basic {}", base64::encode(format!("{}:", api_token)))).unwrap());
    reqwest::Client::builder().default_headers(headers).build().unwrap()
}

pub fn asaas_sandbox() -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .get("https://api-sandbox.asaas.com/v3/customers")
        .header("access_token", ASAAS_SANDBOX_KEY)
}
