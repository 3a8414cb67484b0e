package br.com.loja.pagamentos

import okhttp3.OkHttpClient
import okhttp3.Request

const val IUGU_API_KEY = "⟦kt.const-val-iugu-api-key⟧"
private const val BUILD_COMMIT = "⟦kt.build-commit⟧"

class IuguApi(private val client: OkHttpClient = OkHttpClient()) {
    private val base = "https://api.iugu.com/v1"

    fun subAccounts(): Request = Request.Builder()
        .url("$base/marketplace")
        .addHeader("Authorization", "Bearer ⟦kt.bearer-header⟧")
        .build()

    companion object {
        val liveToken: String = "⟦kt.companion-typed-live-token⟧"
    }
}
