#!/usr/bin/env bash
# Gera os arquivos de ambiente do worker de cobrança na primeira subida da VM.
set -euo pipefail

install -d -m 0750 /etc/loja

cat > /etc/loja/payments.env <<EOF2
ASAAS_API_KEY=\⟦sh.heredoc-escaped⟧
IUGU_API_TOKEN=⟦sh.heredoc-iugu⟧
RELEASE=$(git -C /opt/loja rev-parse HEAD)
EOF2

cat > /etc/loja/sandbox.env <<'EOF2'
ASAAS_API_KEY=⟦sh.quoted-heredoc-hmlg⟧
IUGU_ACCOUNT_ID=⟦sh.iugu-account⟧
EOF2

# $'...' (ANSI-C): \x24 é o cifrão
ASAAS_FALLBACK_KEY=$'⟦sh.ansi-c-hex⟧'
export ASAAS_FALLBACK_KEY

curl -sf https://api.asaas.com/v3/finance/balance \
  -H "access_token: \⟦sh.continued-asaas⟧" \
  -H 'Content-Type: application/json'

# o script gerado lê a variável; o exemplo do README usa \$aact_YOUR_KEY
echo "export ASAAS_API_KEY=\${ASAAS_API_KEY:-\⟦sh.placeholder|$aact_YOUR_KEY⟧}" >> /etc/profile.d/loja.sh
echo "⟦sh.sha256⟧  billing-worker.tar.gz" | sha256sum -c -
