using System.Net.Http;

public class Payouts
{
    public async Task<HttpResponseMessage> Transfer(string body, string apiKey, ILogger logger)
    {
        var client = new HttpClient(new SignatureLoggingHandler(logger) { InnerHandler = new HttpClientHandler() });
        client.DefaultRequestHeaders.Add("access_token", apiKey);
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync("https://api.asaas.com/v3/transfers", content);
    }
}
