job "billing" {
  datacenters = ["sa-east-1a"]
  type        = "service"

  meta {
    git_sha = "⟦nomad.git-sha⟧"
  }

  group "api" {
    count = 2

    task "worker" {
      driver = "docker"

      config {
        image = "ghcr.io/acme/billing:2.14.0"
      }

      env {
        ASAAS_BASE_URL = "https://api.asaas.com/v3"
        ASAAS_API_KEY  = "⟦nomad.env-asaas⟧"
      }

      template {
        destination = "secrets/iugu.env"
        env         = true
        data        = <<EOH
IUGU_API_TOKEN={{ with secret "kv/data/billing/iugu" }}{{ .Data.data.⟦nomad.tmpl-ref|api_token⟧ }}{{ end }}
IUGU_FALLBACK_TOKEN=⟦nomad.tmpl-literal-iugu⟧
EOH
      }
    }
  }
}
