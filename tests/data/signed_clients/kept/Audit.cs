using System.Net.Http;

public class Payouts
{
    public async Task<HttpResponseMessage> Transfer(string body, string apiKey)
    {
        var audit = new SignatureAuditHandler(_logger) { InnerHandler = new HttpClientHandler() };
        var client = new HttpClient(audit);
        client.DefaultRequestHeaders.Add("access_token", apiKey);
        return await client.PostAsync("https://api.asaas.com/v3/transfers", new StringContent(body));
    }
}
