package br.com.loja.pagamentos

import retrofit2.http.Body
import retrofit2.http.GET
import retrofit2.http.Headers
import retrofit2.http.POST
import retrofit2.http.Query

interface AsaasApi {
    @Headers(
        "access_token: ⟦rf.asaas⟧",
        "User-Agent: loja-android/4.2.0"
    )
    @POST("v3/payments")
    suspend fun criarCobranca(@Body cobranca: NovaCobranca): Cobranca
}

interface IuguApi {
    // TODO mover para o BuildConfig antes de publicar
    @GET("v1/invoices")
    suspend fun faturas(
        @Query("api_token") token: String = "⟦rf.iugu⟧",
        @Query("limit") limite: Int = 50,
    ): ListaDeFaturas
}
