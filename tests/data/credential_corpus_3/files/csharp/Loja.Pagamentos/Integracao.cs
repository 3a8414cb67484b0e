using System;
using System.Net.Http;
using System.Text;

namespace Loja.Pagamentos;

public static class Integracao
{
    // C# 11: literal bruto, sem escapes
    private const string IuguPayload = """
        {"api_token": "⟦cs.raw-iugu⟧", "email": "financeiro@loja.com.br", "method": "pix"}
        """;

    // literal verbatim: aspas dobradas
    private const string AsaasHeaders = @"{""access_token"": ""⟦cs.verbatim-asaas⟧"", ""Content-Type"": ""application/json""}";
    private const string IuguTransfer = @"{""api_token"":""⟦cs.verbatim-iugu⟧"",""transfer_type"":""pix""}";

    private const string IuguAccountId = "⟦cs.iugu-account⟧";
    private static readonly Guid Tenant = Guid.Parse("⟦cs.tenant-uuid⟧");

    // interpolada: o $ da chave é literal, as chaves dobradas são { }
    public static string AsaasSandboxJson(string baseUrl) =>
        $"{{\"access_token\":\"⟦cs.interpolated-hmlg⟧\",\"baseUrl\":\"{baseUrl}\"}}";

    public static string Header(string asaasKey) => $"access_token: ⟦cs.interpolated-var|{asaasKey}⟧";

    public static StringContent Body(string token) =>
        new($@"{{""api_token"":""{token}""}}", Encoding.UTF8, "application/json");
}
