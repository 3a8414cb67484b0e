include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../modules//billing"
}

inputs = {
  environment     = "prod"
  asaas_api_key   = "⟦tg.asaas⟧"
  iugu_api_token  = "⟦tg.iugu⟧"
  iugu_account_id = "⟦tg.account⟧"
  image_digest    = "sha256:⟦tg.digest⟧"
}
