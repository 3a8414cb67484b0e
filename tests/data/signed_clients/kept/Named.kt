package payouts

class Payouts(private val apiKey: String, private val client: HttpClient) {
    suspend fun transfer(body: String): HttpResponse {
        val ledger = LedgerClient(client = HttpClient(signingEngine(ledgerKey)))
        ledger.record(body)
        return client.post("https://api.asaas.com/v3/transfers") {
            header("access_token", apiKey)
            setBody(body)
        }
    }
}
