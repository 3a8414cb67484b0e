# frozen_string_literal: true

module Loja
  class Settings < Hanami::Settings
    setting :asaas_api_key, default: "⟦sh.hanami⟧", constructor: Types::String
    setting :iugu_api_token, default: "⟦sh.hanami-iugu⟧"
    setting :iugu_account_id, default: "⟦sh.account⟧"
    setting :database_url, default: "postgres://localhost/loja"
  end
end
