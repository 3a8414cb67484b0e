# frozen_string_literal: true

# %q não interpola: o "$" fica
ASAAS_API_KEY = %q(⟦rb.percent-q⟧)
IUGU_API_TOKEN = %Q{⟦rb.percent-big-q-iugu⟧}
IUGU_ACCOUNT_ID = %q(⟦rb.iugu-account⟧)

# chaves de cada ambiente, a primeira é a de produção
ASAAS_KEYS = %w[⟦rb.word-array-asaas⟧ ⟦rb.word-array-hmlg⟧].freeze

Iugu.api_key = ENV.fetch("IUGU_API_TOKEN") { "⟦rb.fetch-block-iugu⟧" }

SANDBOX_ENV = <<~'ENV'
  ASAAS_API_KEY=⟦rb.heredoc-hmlg⟧
  ASAAS_WEBHOOK_TOKEN=⟦rb.heredoc-webhook-uuid⟧
ENV

ASSET_DIGEST = "⟦rb.asset-sha256⟧"
