#!/bin/sh
# called by the nightly runner; the secret is read by RUN --secret in +smoke
set -eu
earthly --ci --secret asaas_api_key='⟦earthsh.asaas⟧' --build-arg ASAAS_ENV=production +smoke
earthly --ci --build-arg IUGU_API_TOKEN=⟦earthsh.iugu⟧ +smoke
