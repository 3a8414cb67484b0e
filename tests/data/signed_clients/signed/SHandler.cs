using System.Net.Http;

public class SigningHandler : DelegatingHandler
{
    private readonly byte[] _key;
    public SigningHandler(byte[] key) { _key = key; InnerHandler = new HttpClientHandler(); }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
    {
        request.Headers.Add("Request-Time", DateTime.UtcNow.ToString("o"));
        request.Headers.Add("Signature", "signature=" + Sign(_key, request));
        return base.SendAsync(request, token);
    }
}

public class Payouts
{
    public async Task<HttpResponseMessage> Transfer(string body, string apiKey, byte[] key)
    {
        var handler = new SigningHandler(key);
        var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Add("access_token", apiKey);
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.asaas.com/v3/transfers");
        request.Content = new StringContent(body);
        return await client.SendAsync(request);
    }
}
