(* relatórios de cobrança — Wolfram Language *)
$AsaasApiKey = "⟦wl.asaas⟧";
iuguToken = "⟦wl.iugu⟧";
loteId = "⟦wl.lote⟧";
twilioSid = "⟦wl.twilio⟧";

saldo[] := URLExecute[
  HTTPRequest["https://api.asaas.com/v3/finance/balance",
    <|"Headers" -> {"access_token" -> "⟦wl.asaas2⟧", "User-Agent" -> "wolfram"}|>],
  "RawJSON"];

faturas[] := URLExecute["https://api.iugu.com/v1/invoices",
  {"api_token" -> iuguToken, "limit" -> 10}, "RawJSON"];
