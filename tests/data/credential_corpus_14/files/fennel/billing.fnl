;; billing.fnl -- roda no OpenResty via fennel.compile
(local http (require :resty.http))
(local asaas-key "⟦fnl.asaas⟧")
(local cache-key "⟦fnl.cache⟧")

(fn cobrancas []
  (let [c (http.new)]
    (c:request_uri "https://api.asaas.com/v3/payments"
                   {:method :GET
                    :headers {:access_token asaas-key}})))

(fn faturas []
  (let [c (http.new)]
    (c:request_uri "https://api.iugu.com/v1/invoices"
                   {:query {:api_token "⟦fnl.iugu⟧"}})))
