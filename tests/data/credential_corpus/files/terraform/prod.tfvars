region          = "sa-east-1"
asaas_api_key   = "⟦tf.tfvars-asaas⟧"
iugu_api_token  = "⟦tf.tfvars-iugu⟧"
iugu_account_id = "⟦tf.tfvars-account⟧"
