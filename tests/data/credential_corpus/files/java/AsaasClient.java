package br.com.loja.asaas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

public class AsaasClient {
    private static final String PRODUCTION = "https://api.asaas.com/v3";
    private static final String SANDBOX = "https://api-sandbox.asaas.com/v3";
    private static final String SANDBOX_KEY = "⟦java.sandbox-key-constant⟧";

    private final HttpClient http = HttpClient.newHttpClient();

    public HttpRequest balance(boolean sandbox, String productionKey) {
        return HttpRequest.newBuilder(URI.create((sandbox ? SANDBOX : PRODUCTION) + "/finance/balance"))
                .header("access_token", sandbox ? SANDBOX_KEY : productionKey)
                .header("User-Agent", "loja-aurora-java")
                .GET()
                .build();
    }
}
