pid_file = "/run/vault-agent.pid"

auto_auth {
  method "approle" {
    config = {
      role_id_file_path   = "/etc/vault/role-id"
      secret_id_file_path = "/etc/vault/secret-id"
    }
  }
}

template {
  destination = "/etc/billing/env"
  perms       = "0600"
  contents    = <<EOT
{{ with secret "kv/data/billing" }}ASAAS_API_KEY={{ .Data.data.asaas_key }}{{ end }}
IUGU_API_TOKEN=⟦vagent.iugu⟧
EOT
}

env_template "ASAAS_SANDBOX_KEY" {
  contents = "⟦vagent.asaas⟧"
}

cache {
  use_auto_auth_token = true
}
# role id: ⟦vagent.roleid⟧
