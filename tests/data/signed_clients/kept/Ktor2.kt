package payouts

class Payouts(private val apiKey: String) {
    suspend fun transfer(body: String): HttpResponse {
        val client = HttpClient(SignatureLoggingEngine(CIO.create()))
        return client.post("https://api.asaas.com/v3/transfers") {
            header("access_token", apiKey)
            setBody(body)
        }
    }
}
