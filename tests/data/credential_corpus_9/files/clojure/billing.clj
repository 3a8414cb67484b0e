(ns loja.billing
  (:require [clj-http.client :as client]))

(def ^:private iugu-api-token "⟦clj.def-iugu⟧")
(def ^:private iugu-account-id "⟦clj.account⟧")

(defn faturas-pendentes []
  (client/get "https://api.iugu.com/v1/invoices"
              {:basic-auth [iugu-api-token ""]
               :query-params {"status" "pending"}
               :as :json}))

(defn cobrancas []
  (client/get "https://api.asaas.com/v3/payments"
              {:headers {"access_token" "⟦clj.header-asaas⟧"
                         "User-Agent" "loja-billing"}
               :as :json}))

(def config
  {:iugu/api-token (or (System/getenv "IUGU_API_TOKEN") "⟦clj.getenv-or-iugu⟧")
   :asaas/webhook-sha256 "⟦clj.webhook-sha⟧"})
