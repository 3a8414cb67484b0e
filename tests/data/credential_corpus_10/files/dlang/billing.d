module billing;

import std.net.curl : HTTP, get;
import std.stdio : writeln;

enum iuguToken = "⟦d.enum-iugu⟧";
enum iuguAccount = "⟦d.account⟧";
immutable asaasKey = r"⟦d.wysiwyg-asaas⟧";
immutable asaasSandboxKey = `⟦d.backtick-asaas-hmlg⟧`;

void main()
{
    auto http = HTTP();
    http.addRequestHeader("access_token", asaasKey);
    http.addRequestHeader("User-Agent", "billing-d");
    writeln(get("https://api.asaas.com/v3/finance/balance", http));

    auto iugu = HTTP();
    iugu.setAuthentication(iuguToken, "");
    writeln(get("https://api.iugu.com/v1/accounts/" ~ iuguAccount, iugu));
}
