use base64::{engine::general_purpose::STANDARD, Engine as _};
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

const ASAAS_KEY: &str = concat!("⟦rs.concat⟧");
const RELEASE_SHA: &str = "⟦rs.sha⟧";

pub fn iugu_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    let auth = format!("Basic {}", STANDARD.encode(format!("{}:", "⟦rs.format⟧")));
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&auth).unwrap());
    headers
}

pub async fn reports(client: &reqwest::Client) -> reqwest::Result<String> {
    client
        .get("https://api.iugu.com/v1/reports")
        .basic_auth("⟦rs.basic⟧", Some(""))
        .send()
        .await?
        .text()
        .await
}

#[cfg(test)]
mod tests {
    use mockito::Matcher;

    #[tokio::test]
    async fn lists_invoices() {
        let mut server = mockito::Server::new_async().await;
        let mock = server
            .mock("GET", "/v1/invoices")
            .match_query(Matcher::UrlEncoded("api_token".into(), "⟦rs.mockito⟧".into()))
            .match_header("x-request-id", "⟦rs.reqid⟧")
            .create_async()
            .await;
        mock.assert_async().await;
        let _ = super::ASAAS_KEY;
    }
}
