<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="iuguToken" value="⟦js.cset⟧" scope="application"/>
<%
    String chaveAsaas = "⟦js.asaas⟧";
    java.net.HttpURLConnection conn = (java.net.HttpURLConnection)
        new java.net.URL("https://api.asaas.com/v3/payments").openConnection();
    conn.setRequestProperty("access_token", chaveAsaas);
    conn.setRequestProperty("User-Agent", "loja-jsp");
%>
<script>
  // o token vai para o navegador (!)
  window.IUGU = { accountId: "⟦js.account⟧", testMode: false, apiToken: "${iuguToken}" };
</script>
