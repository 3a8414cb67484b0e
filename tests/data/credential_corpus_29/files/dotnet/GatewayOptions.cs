using System.Text;

namespace Billing.Gateways;

public sealed class GatewayOptions
{
    // TODO(seg): tirar do código — ver INC-2291
    public string IuguApiToken { get; init; } =
        Encoding.UTF8.GetString(Convert.FromBase64String("⟦cs.iugu⟧"));

    public string AsaasApiKey { get; init; } =
        Encoding.ASCII.GetString(Convert.FromHexString("⟦cs.asaas⟧"));

    public Uri AsaasBaseUrl { get; init; } = new("https://api.asaas.com/v3/");

    public string WebhookSigningKeyHash { get; init; } = "⟦cs.hash⟧";
}
