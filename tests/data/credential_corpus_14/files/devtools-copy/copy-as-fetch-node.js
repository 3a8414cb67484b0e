fetch("https://api.iugu.com/v1/customers", {
  "headers": {
    "accept": "application/json",
    "authorization": "Basic ⟦dtfetch.basic⟧",
    "if-none-match": "W/\"⟦dtfetch.etag⟧\""
  },
  "body": null,
  "method": "GET"
});
