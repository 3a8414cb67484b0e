(defpackage :billing
  (:use :cl)
  (:export #:invoices #:balance))
(in-package :billing)

(defparameter *iugu-api-token* "⟦cl.defparam-iugu⟧")
(defparameter *iugu-account-id* "⟦cl.account⟧")
(defvar *asaas-api-key* "⟦cl.defvar-asaas⟧")

(defun invoices ()
  (dex:get "https://api.iugu.com/v1/invoices"
           :basic-auth '("⟦cl.basic-iugu⟧" . "")))

(defun balance ()
  (dex:get "https://api-sandbox.asaas.com/v3/finance/balance"
           :headers '(("access_token" . "⟦cl.header-asaas-hmlg⟧")
                      ("User-Agent" . "billing-lisp"))))
