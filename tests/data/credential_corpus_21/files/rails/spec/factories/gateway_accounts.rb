FactoryBot.define do
  factory :gateway_account do
    provider { "asaas" }
    api_key { "⟦rb.factory⟧" }
    wallet_id { "⟦rb.wallet⟧" }

    trait :iugu do
      provider { "iugu" }
      api_key { "⟦rb.trait⟧" }
      account_id { "⟦rb.account⟧" }
    end

    trait :stripe do
      provider { "stripe" }
      api_key { "⟦rb.stripe⟧" }
    end
  end
end
