fetch("https://api.iugu.com/v1/invoices/⟦ef.invoice⟧/duplicate", {
  "headers": {
    "accept": "application/json",
    "authorization": "Basic ⟦ef.basic⟧",
    "content-type": "application/json",
    "x-request-id": "⟦ef.reqid⟧"
  },
  "body": "{\"due_date\":\"2026-12-20\",\"api_token\":\"⟦ef.body⟧\"}",
  "method": "POST"
});
