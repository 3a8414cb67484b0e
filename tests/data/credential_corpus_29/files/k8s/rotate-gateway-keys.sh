#!/usr/bin/env bash
# Rotação das chaves dos gateways (runbook SRE-112). Rodar com o contexto do cluster de produção.
set -euo pipefail
NS=billing

# iugu: token novo gerado no painel (Administração > Configurações de conta > Integração via API)
kubectl -n "$NS" patch secret gateway-keys --type=json \
  -p='[{"op":"replace","path":"/data/IUGU_API_TOKEN","value":"⟦kr.iugu⟧"}]'

# Asaas: chave nova (Integrações > Chaves de API); stringData para não precisar de base64
kubectl -n "$NS" patch secret gateway-keys --type=merge \
  -p '{"stringData":{"ASAAS_API_KEY":"⟦kr.asaas⟧"}}'

# worker legado lê o token direto do ambiente
kubectl -n "$NS" set env deployment/conciliacao-legado IUGU_TOKEN=⟦kr.iugu-env⟧

kubectl -n "$NS" rollout restart deployment/billing-api deployment/conciliacao-legado
kubectl -n "$NS" get secret gateway-keys -o jsonpath='{.metadata.resourceVersion}{"\n"}'
