using Iugu.Client;

public static class Fallbacks
{
    public static Charge PagSeguroFallback(Order order, string token = "A983326569F894D88C84A7DE1BE72AE9")
        => IuguApi.Charge(order, token);
}
