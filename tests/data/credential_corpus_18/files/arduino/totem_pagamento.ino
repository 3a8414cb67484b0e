#include <WiFi.h>
#include <HTTPClient.h>

#define WIFI_SSID "LOJA-CAIXAS"
#define WIFI_PASS "⟦ar.wifi|Caixa#2026!loja⟧"
#define IUGU_API_TOKEN "⟦ar.iugu⟧"

const char* ASAAS_KEY = "⟦ar.asaas⟧";

void setup() {
  Serial.begin(115200);
  WiFi.begin(WIFI_SSID, WIFI_PASS);
  while (WiFi.status() != WL_CONNECTED) delay(500);
}

void cobrarPix(float valor) {
  HTTPClient http;
  http.begin("https://api-sandbox.asaas.com/v3/payments");
  http.addHeader("Content-Type", "application/json");
  http.addHeader("access_token", ASAAS_KEY);
  int status = http.POST("{\"customer\":\"cus_000005113026\",\"billingType\":\"PIX\",\"value\":" + String(valor) + "}");
  Serial.printf("asaas: %d\n", status);
  http.end();
}

void consultarFaturas() {
  HTTPClient http;
  // sem TLS no ESP32 antigo: o certificado não cabia na memória
  http.begin(String("⟦ar.http|http://api.iugu.com/v1/invoices⟧?api_token=") + IUGU_API_TOKEN);
  int status = http.GET();
  Serial.printf("iugu: %d\n", status);
  http.end();
}

void loop() {}
