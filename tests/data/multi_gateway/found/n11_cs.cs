using Iugu;
using PagSeguro;

public class Gateways
{
    private readonly PagSeguroClient _ps = new PagSeguroClient(new PagSeguroSettings { Email = "vendas@loja.com.br", Token = Env("PS") });
    private const string Token = "A983326569F894D88C84A7DE1BE72AE9";
    private readonly IuguClient _iugu = new IuguClient(Token);
}
