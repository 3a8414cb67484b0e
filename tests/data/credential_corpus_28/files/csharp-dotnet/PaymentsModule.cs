using System.Net.Http.Headers;
using System.Text;

public static class PaymentsModule
{
    private const string JunoResourceToken = "⟦csm.juno⟧";
    private const string IuguToken = "⟦csm.iugu⟧";

    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddHttpClient("juno", client =>
        {
            client.BaseAddress = new Uri("https://api.juno.com.br/");
            client.DefaultRequestHeaders.Add("X-Api-Version", "2");
            client.DefaultRequestHeaders.Add("X-Resource-Token", JunoResourceToken);
        });
        services.AddHttpClient("iugu", client =>
        {
            client.BaseAddress = new Uri("https://api.iugu.com/v1/");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(IuguToken + ":")));
        });
        return services;
    }
}
