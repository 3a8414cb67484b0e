package br.com.loja.iugu;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

public final class IuguConfig {

    private static final String API_TOKEN = "⟦java.static-final-api-token⟧";
    private static final String BASE_URL = "https://api.iugu.com/v1";
    /** SHA-256 of the last webhook payload we accepted, for replay checks. */
    private static final String LAST_WEBHOOK_SHA256 = "⟦java.webhook-sha256⟧";

    private IuguConfig() {}

    public static Request customers() {
        return new Request.Builder()
                .url(BASE_URL + "/customers")
                .header("Authorization", Credentials.basic("⟦java.okhttp-credentials-basic⟧", ""))
                .build();
    }

    public static Request invoices() {
        return new Request.Builder()
                .url(BASE_URL + "/invoices")
                .header("Authorization", "Basic " + "⟦java.basic-concat⟧")
                .header("X-Request-Id", "⟦java.request-id⟧")
                .build();
    }
}
