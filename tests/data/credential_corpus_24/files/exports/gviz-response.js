/*O_o*/
google.visualization.Query.setResponse({"version":"0.6","reqId":"0","status":"ok","sig":"⟦gv.sig|1873422051⟧","table":{"cols":[{"id":"A","label":"gateway","type":"string"},{"id":"B","label":"api_token","type":"string"}],"rows":[{"c":[{"v":"iugu"},{"v":"⟦gv.iugu⟧"}]},{"c":[{"v":"asaas"},{"v":"⟦gv.asaas⟧"}]},{"c":[{"v":"checksum"},{"v":"⟦gv.md5⟧"}]}],"parsedNumHeaders":1}});
