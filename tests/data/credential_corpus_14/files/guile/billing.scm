;;; billing.scm -- cobrança via Asaas e iugu (GNU Guile 3, (web client))
(use-modules (web client) (web uri) (ice-9 receive) (rnrs bytevectors) (ice-9 base64))

(define asaas-api-key "⟦scm.asaas⟧")
(define iugu-api-token "⟦scm.iugu⟧")
(define deploy-id "⟦scm.deploy⟧")

(define (listar-cobrancas)
  (http-get (string->uri "https://api.asaas.com/v3/payments")
            #:headers `((access_token . ,asaas-api-key)
                        (accept . ((application/json))))))

(define (faturas)
  (http-get (string->uri "https://api.iugu.com/v1/invoices")
            #:headers `((authorization . (basic . "⟦scm.basic⟧")))))
