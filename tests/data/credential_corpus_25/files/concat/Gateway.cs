namespace Loja.Pagamentos;

public static class Gateway
{
    public static readonly string AsaasKey = string.Concat("⟦cs2.asaas⟧");
    public static readonly string IuguToken = new string(new[] {
            ⟦cs2.iugu⟧
    });
    public static readonly string Placeholder = string.Concat("$aact_prod_", "⟦cs2.ph|{ASAAS_KEY_BODY}⟧");
    public static readonly Guid TenantId = Guid.Parse("⟦cs2.tenant⟧");
}
