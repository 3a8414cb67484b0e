<cfhttp url="https://api.iugu.com/v1/invoices" method="get" result="resposta">
    <cfhttpparam type="url" name="api_token" value="⟦cf.param⟧">
    <cfhttpparam type="url" name="limit" value="50">
</cfhttp>

<cfhttp url="https://api.asaas.com/v3/payments" method="post" result="cobranca">
    <cfhttpparam type="header" name="access_token" value="⟦cf.header⟧">
    <cfhttpparam type="header" name="Content-Type" value="application/json">
    <cfhttpparam type="body" value="#serializeJSON(form)#">
</cfhttp>
