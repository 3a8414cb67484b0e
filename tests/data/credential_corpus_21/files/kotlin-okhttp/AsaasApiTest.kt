package br.com.loja.checkout.data

import kotlinx.coroutines.test.runTest
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class AsaasApiTest {
    private val server = MockWebServer()

    @Test
    fun `sends the key and the basic header`() = runTest {
        server.enqueue(MockResponse().setBody("""{"id":"⟦ka.invoice⟧","status":"pending"}"""))
        val api = AsaasApi(server.url("/v3/").toString(), key = "\$⟦ka.ctor⟧")
        api.listCustomers()

        val recorded = server.takeRequest()
        assertEquals("\$⟦ka.take⟧", recorded.getHeader("access_token"))
        assertEquals("Basic ⟦ka.basic⟧", recorded.getHeader("Authorization"))
        assertEquals("⟦ka.etag⟧", recorded.getHeader("If-None-Match"))
    }
}
