using System;
using System.Net.Http;
using System.Net.Http.Headers;
using RestSharp;
using RestSharp.Authenticators;

namespace Loja.Pagamentos
{
    public class IuguService
    {
        private const string ApiToken = "⟦cs.const-apitoken⟧";
        private const string BaseUrl = "https://api.iugu.com/v1";
        private static readonly string IuguApiToken = Environment.GetEnvironmentVariable("IUGU_API_TOKEN") ?? "⟦cs.env-coalesce-default⟧";

        private readonly RestClient _client = new RestClient(BaseUrl) { Authenticator = new HttpBasicAuthenticator(ApiToken, "") };

        public HttpClient CreateHttpClient()
        {
            var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "⟦cs.authheadervalue-basic⟧");
            http.DefaultRequestHeaders.Add("X-Correlation-Id", "⟦cs.correlation-id⟧");
            return http;
        }
    }
}
