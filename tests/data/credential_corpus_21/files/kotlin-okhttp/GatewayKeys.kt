package br.com.loja.checkout.data

import okhttp3.Credentials
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Response

object GatewayKeys {
    const val ASAAS_SANDBOX = "\$⟦ka.hmlg⟧"
    const val IUGU_LIVE = "⟦ka.iugu⟧"
    const val IUGU_ACCOUNT = "⟦ka.account⟧"
    const val FIREBASE_SENDER = "481516234200"
}

class IuguAuthInterceptor(private val token: String = "⟦ka.default⟧") : Interceptor {
    override fun intercept(chain: Interceptor.Chain): Response =
        chain.proceed(
            chain.request().newBuilder()
                .header("Authorization", Credentials.basic(token, ""))
                .build()
        )
}

val asaasHttp: OkHttpClient = OkHttpClient.Builder()
    .addInterceptor { chain ->
        chain.proceed(chain.request().newBuilder().header("access_token", GatewayKeys.ASAAS_SANDBOX).build())
    }
    .build()
