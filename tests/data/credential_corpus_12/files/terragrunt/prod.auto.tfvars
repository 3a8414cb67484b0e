# Loaded automatically by terraform plan/apply in this directory.
region = "sa-east-1"

asaas = {
  api_key   = "⟦tfvars.asaas⟧"
  wallet_id = "⟦tfvars.wallet⟧"
}

iugu_tokens = {
  live = "⟦tfvars.iugu-live⟧"
  test = "⟦tfvars.iugu-test⟧"
}

iugu_account_id = "⟦tfvars.account⟧"
