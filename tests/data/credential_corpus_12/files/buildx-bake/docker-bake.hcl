variable "TAG" {
  default = "2026.11.3"
}

variable "IUGU_API_TOKEN" {
  default = "⟦bake.iugu⟧"
}

group "default" {
  targets = ["billing"]
}

target "billing" {
  context    = "."
  dockerfile = "Dockerfile"
  tags       = ["registry.example.com/billing:${TAG}"]
  args = {
    ASAAS_API_KEY = "⟦bake.asaas⟧"
    GIT_SHA       = "⟦bake.sha⟧"
  }
  secret = ["id=iugu,env=IUGU_API_TOKEN"]
}
