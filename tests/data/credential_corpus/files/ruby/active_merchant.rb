require "active_merchant"

ActiveMerchant::Billing::Base.mode = :production

GATEWAY = ActiveMerchant::Billing::IuguGateway.new(login: "⟦rb.activemerchant-login⟧")
ORDER_PREFIX = "⟦rb.order-prefix-hash⟧"
