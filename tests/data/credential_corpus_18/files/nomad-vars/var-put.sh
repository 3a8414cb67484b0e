#!/usr/bin/env bash
set -euo pipefail
# Nomad Variables (1.4+): lidas pelo job "cobranca" via template { nomadVar "nomad/jobs/cobranca" }
nomad var put -force nomad/jobs/cobranca \
  asaas_api_key='⟦nv.asaas⟧' \
  iugu_api_token=⟦nv.iugu⟧ \
  asaas_base_url=https://api.asaas.com/v3
