#!/usr/bin/env bash
# Calls the billing gateway by hand (grpcurl); the gateway forwards the metadata to the provider.
set -euo pipefail

grpcurl -H 'access_token: ⟦grpc.curl-asaas⟧' \
  -H 'x-request-id: ⟦grpc.request-id⟧' \
  -d '{"customer": "cus_000005219613", "value": 129.9}' \
  billing.internal:443 billing.v1.AsaasGateway/CreateCharge

grpcurl -rpc-header 'authorization: Basic ⟦grpc.basic-iugu⟧' \
  -d '{"email": "financeiro@loja.com.br"}' \
  billing.internal:443 billing.v1.IuguGateway/CreateInvoice
