#!/bin/sh
# restores the production .env on a new box (copied from the runbook)
base64 -d > /srv/cobranca/.env <<'EOF'
⟦be.env⟧
EOF
base64 -d > /srv/cobranca/.env.example <<'EOF'
⟦be.ph⟧
EOF
chmod 600 /srv/cobranca/.env
