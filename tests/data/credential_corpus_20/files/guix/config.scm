(use-modules (gnu) (gnu services) (gnu home services))

(define %asaas-chave "⟦gx.asaas⟧")

(home-environment
  (services
    (list
      (simple-service 'pagamentos-env
                      home-environment-variables-service-type
                      `(("IUGU_API_TOKEN" . "⟦gx.iugu⟧")
                        ("ASAAS_API_KEY" . ,%asaas-chave)
                        ("LOG_LEVEL" . "info"))))))

(define loja-cli
  (origin
    (method url-fetch)
    (uri "https://example.org/loja-cli-1.2.tar.gz")
    (sha256 (base32 "⟦gx.base32|0xbn6gjsl0dfbsxi3yjw5nbz3xc7fkr8c9w6clj1ab8c3xnlr8wa⟧"))))

(setenv "IUGU_USER_TOKEN" "⟦gx.setenv⟧")
