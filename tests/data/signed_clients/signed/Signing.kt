package payouts

import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Request

class SignatureInterceptor(private val key: PrivateKey) : Interceptor {
    override fun intercept(chain: Interceptor.Chain): Response {
        val signed = chain.request().newBuilder()
            .header("Request-Time", Instant.now().toString())
            .header("Signature", "signature=" + sign(key, chain.request()))
            .build()
        return chain.proceed(signed)
    }
}

class Payouts(private val apiKey: String, private val key: PrivateKey) {
    fun transfer(body: String): Response {
        val client = OkHttpClient.Builder().addInterceptor(SignatureInterceptor(key)).build()
        val request = Request.Builder()
            .url("https://api.iugu.com/v1/transfer_requests")
            .header("Content-Type", "application/json")
            .post(body.toRequestBody())
            .build()
        return client.newCall(request).execute()
    }
}
