# billing.janet -- conciliação noturna
(import spork/http)

(def iugu-token "⟦janet.iugu⟧")
(def config
  @{:asaas-api-key "⟦janet.asaas⟧"
    :asaas-url "https://api.asaas.com/v3"
    :wallet-id "⟦janet.wallet⟧"})

(defn cobrancas []
  (http/request "GET" (string (config :asaas-url) "/payments")
                :headers {"access_token" (config :asaas-api-key)}))

(defn faturas []
  (http/request "GET" (string "https://api.iugu.com/v1/invoices?api_token=" iugu-token)))
