#lang racket/base
(require net/http-easy)

(define asaas-api-key "⟦rkt.asaas⟧")
(define iugu-api-token "⟦rkt.iugu⟧")
(define iugu-account-id "⟦rkt.account⟧")

(define (balance)
  (response-json
   (get "https://api.asaas.com/v3/finance/balance"
        #:headers (hasheq 'access_token asaas-api-key))))

(define (invoices)
  (response-json
   (get "https://api.iugu.com/v1/invoices"
        #:auth (basic-auth "⟦rkt.iugu-basic⟧" ""))))
