use actix_web::{get, App, HttpResponse, HttpServer};

const IUGU: &str = "⟦rk.const⟧";

#[get("/saldo")]
async fn saldo() -> HttpResponse {
    let client = awc::Client::default();
    let resp = client
        .get("https://api.asaas.com/v3/finance/balance")
        .insert_header(("access_token", "⟦rk.header⟧"))
        .insert_header(("User-Agent", "loja-actix"))
        .send()
        .await;
    HttpResponse::Ok().body(format!("{:?}", resp.map(|r| r.status())))
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let _ = IUGU;
    HttpServer::new(|| App::new().service(saldo)).bind(("0.0.0.0", 8080))?.run().await
}
