#!/usr/bin/env bash
set -euo pipefail
flutter build appbundle --release --flavor prod \
  --dart-define-from-file=dart_defines.prod.json \
  --dart-define=IUGU_LIVE_TOKEN=⟦fluttersh.iugu64⟧ \
  --build-number "$GITHUB_RUN_NUMBER"
