#!/usr/bin/env bash
set -euo pipefail
argocd login argocd.loja.com.br --sso --grpc-web
argocd app set cobranca \
  --helm-set-string asaas.apiKey='⟦argocli.asaas⟧' \
  --helm-set iugu.apiToken=⟦argocli.iugu⟧ \
  --helm-set image.digest=sha256:⟦argocli.digest⟧
argocd app sync cobranca --revision ⟦argocli.rev⟧
