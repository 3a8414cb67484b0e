#!/usr/bin/env bash
set -euo pipefail
flutter build appbundle --release --dart-define-from-file=prod.json
flutter build ipa --release \
  --dart-define=ASAAS_API_KEY='⟦flb.asaas⟧' \
  --dart-define=IUGU_API_TOKEN=⟦flb.iugu⟧ \
  --dart-define=BUILD_SHA=⟦flb.sha⟧
