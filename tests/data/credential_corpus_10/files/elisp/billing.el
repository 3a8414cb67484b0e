;;; billing.el --- consultas rápidas às APIs de cobrança  -*- lexical-binding: t; -*-

(require 'url)
(require 'json)

(setq billing-iugu-api-token "⟦el.setq-iugu⟧")
(defvar billing-iugu-account "⟦el.account⟧" "Conta iugu principal.")
(defvar billing-asaas-api-key "⟦el.defvar-asaas⟧"
  "Chave de produção do Asaas.")

(defun billing-asaas-sandbox-customers ()
  (interactive)
  (let ((url-request-method "GET")
        (url-request-extra-headers
         '(("access_token" . "⟦el.headers-asaas-hmlg⟧")
           ("User-Agent" . "billing-emacs"))))
    (url-retrieve "https://api-sandbox.asaas.com/v3/customers"
                  (lambda (_status) (message "%s" (buffer-string))))))

(provide 'billing)
;;; billing.el ends here
