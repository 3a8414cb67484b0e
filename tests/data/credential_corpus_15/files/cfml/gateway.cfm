<cfset asaasKey = "⟦cfm.asaas⟧">
<cfset variables.iuguToken = "⟦cfm.iugu⟧">
<cfset requestId = "⟦cfm.reqid⟧">

<cfhttp url="https://api.asaas.com/v3/payments" method="get" result="resp">
    <cfhttpparam type="header" name="access_token" value="⟦cfm.asaas2⟧">
    <cfhttpparam type="header" name="X-Request-Id" value="#requestId#">
</cfhttp>

<cfhttp url="https://api.iugu.com/v1/invoices" method="get" username="⟦cfm.iugu2⟧" password="">
    <cfhttpparam type="url" name="limit" value="10">
</cfhttp>

<cfscript>
    cfg = { "asaasSandboxKey": "⟦cfm.hmlg⟧", "etag": "⟦cfm.etag⟧" };
</cfscript>
