#!/usr/bin/env bash
# gerar o SealedSecret do iugu (rodar uma vez, depois apagar este arquivo!)
kubectl create secret generic iugu-gateway -n cobranca \
  --from-literal=api_token=⟦ss.literal⟧ \
  --from-literal=account_id=⟦ss.account⟧ \
  --dry-run=client -o yaml | kubeseal --format yaml > sealed-iugu.yaml
