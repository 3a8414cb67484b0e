# config/initializers/iugu.rb
require "iugu"

Iugu.api_key = ENV.fetch("IUGU_API_TOKEN", "⟦rb.env-fetch-default⟧")
Iugu.api_version = "v1"

module Billing
  IUGU_ACCOUNT = "⟦rb.account-id⟧"
  SANDBOX_TOKEN = ENV["IUGU_TEST_TOKEN"] || "⟦rb.env-or-default⟧"
end
