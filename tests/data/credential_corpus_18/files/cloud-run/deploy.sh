#!/usr/bin/env bash
set -euo pipefail
# a chave do Asaas tem vírgula? não, mas tem "=" no fim: por isso o delimitador ^@^
gcloud run deploy cobranca \
  --image=southamerica-east1-docker.pkg.dev/loja-prod/apps/cobranca:2.3.1 \
  --region=southamerica-east1 \
  --set-env-vars='^@^ASAAS_API_KEY=⟦cr.asaas⟧@IUGU_API_TOKEN=⟦cr.iugu⟧@LOG_LEVEL=info'
