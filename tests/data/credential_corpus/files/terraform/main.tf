variable "iugu_api_token" {
  type      = string
  sensitive = true
  default   = "⟦tf.variable-default⟧"
}

resource "aws_ssm_parameter" "iugu_token" {
  name  = "/prod/iugu/api_token"
  type  = "SecureString"
  value = "⟦tf.ssm-name-value⟧"
}

resource "aws_ecs_task_definition" "billing" {
  family = "billing"
  container_definitions = jsonencode([{
    name  = "worker"
    image = "registry.example.com/loja/billing:⟦tf.image-sha⟧"
    environment = [
      { name = "IUGU_API_TOKEN", value = "⟦tf.ecs-env-inline⟧" },
      { name = "BUILD_ID", value = "⟦tf.build-id⟧" },
    ]
  }])
}

resource "kubernetes_secret" "asaas" {
  metadata { name = "asaas" }
  data = {
    api_key = "⟦tf.k8s-secret-asaas⟧"
  }
}
