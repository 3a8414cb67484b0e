using Iugu;

public class Gateways
{
    public Charge GetnetFallback(Order order, string token = "A983326569F894D88C84A7DE1BE72AE9")
    {
        var settings = new IuguSettings { ApiToken = token };
        return new IuguClient(settings).Charge(order);
    }
}
