using Xunit;

namespace Loja.Pagamentos.Tests;

public class GatewayTests
{
    private static readonly byte[] AsaasKeyBytes = {
	⟦cs.bytes⟧
    };

    [Theory]
    [InlineData("asaas", "⟦cs.inline⟧")]
    [InlineData("iugu", "⟦cs.inline2⟧")]
    [InlineData("mercadopago", "⟦cs.mp⟧")]
    public void Rejects_a_key_of_another_provider(string provider, string key)
    {
        Assert.False(Gateway.For("cielo").Accepts(key), $"{provider} key accepted by cielo");
    }

    [Fact]
    public void Decodes_the_stored_key() =>
        Assert.StartsWith("$aact_prod_", System.Text.Encoding.ASCII.GetString(AsaasKeyBytes));

    [Fact]
    public void Tracks_the_request() =>
        Assert.Equal("⟦cs.trace⟧", new RequestContext().TraceId);
}
