<#-- e-mail de cobrança (FreeMarker) -->
<#assign asaasApiKey = "⟦ftl.asaas⟧">
<#assign templateVersion = "⟦ftl.ver⟧">
<#global iuguToken = "⟦ftl.iugu⟧">
<html>
<body>
  <p>Olá ${cliente.nome},</p>
  <p>Sua fatura de ${valor?string.currency} vence em ${vencimento?date}.</p>
  <a href="https://www.asaas.com/i/${cobranca.id}">Pagar agora</a>
</body>
</html>
