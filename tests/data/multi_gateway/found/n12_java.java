import com.iugu.IuguClient;

public class Gateways {
    private final Cielo cielo = new Cielo(new Merchant(System.getenv("CIELO_ID"), System.getenv("CIELO_KEY")));
    private static final String TOKEN = "A983326569F894D88C84A7DE1BE72AE9";
    private final IuguClient iugu = new IuguClient(TOKEN);
}
