using System.Net.Http.Headers;
using System.Text;
using Loja.Pagamentos;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpClient("asaas", client =>
{
    client.BaseAddress = new Uri("https://api.asaas.com/v3/");
    client.DefaultRequestHeaders.Add("access_token", "⟦cs.header⟧");
    client.DefaultRequestHeaders.UserAgent.ParseAdd("loja-pagamentos/5.1");
});

builder.Services.AddHttpClient<IuguClient>(client =>
{
    client.BaseAddress = new Uri("https://api.iugu.com/v1/");
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
        Convert.ToBase64String(Encoding.ASCII.GetBytes("⟦cs.colon⟧:")));
});

builder.Services.Configure<IuguOptions>(o =>
{
    o.ApiToken = "⟦cs.options⟧";
    o.AccountId = "⟦cs.account⟧";
});

builder.Services.AddSingleton(new AsaasSettings { ApiKey = "⟦cs.init⟧", Sandbox = false });
builder.Services.AddApplicationInsightsTelemetry(o => o.ConnectionString =
    "InstrumentationKey=⟦cs.ai⟧;IngestionEndpoint=https://brazilsouth-1.in.applicationinsights.azure.com/");
builder.Services.AddDataProtection().SetApplicationName("loja").UseEphemeralDataProtectionProvider();

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { build = "⟦cs.build⟧" }));
app.Run();
