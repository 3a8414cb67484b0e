package billing.perf;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.*;
import io.gatling.javaapi.http.*;

public class IuguSimulation extends Simulation {

  private static final String IUGU_TOKEN = "⟦gat.iugu⟧";

  HttpProtocolBuilder iugu = http
      .baseUrl("https://api.iugu.com/v1")
      .basicAuth(IUGU_TOKEN, "")
      .acceptHeader("application/json");

  HttpProtocolBuilder asaas = http
      .baseUrl("https://api.asaas.com/v3")
      .header("access_token", "⟦gat.asaas⟧");

  ScenarioBuilder invoices = scenario("list invoices")
      .exec(http("invoices").get("/invoices").queryParam("limit", "50"))
      .exec(http("account").get("/accounts/⟦gat.account⟧"));

  {
    setUp(invoices.injectOpen(constantUsersPerSec(5).during(60))).protocols(iugu);
  }
}
