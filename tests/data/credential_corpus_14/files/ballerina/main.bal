import ballerina/http;

configurable string asaasApiKey = "⟦bal.asaas⟧";
configurable string correlationSeed = "⟦bal.seed⟧";

final http:Client iugu = check new ("https://api.iugu.com/v1",
    auth = {
        username: "⟦bal.iugu⟧",
        password: ""
    }
);

final http:Client asaas = check new ("https://api.asaas.com/v3");

public function main() returns error? {
    json payments = check asaas->get("/payments", {"access_token": asaasApiKey});
    json invoices = check iugu->get("/invoices");
}
