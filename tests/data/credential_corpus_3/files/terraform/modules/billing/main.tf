variable "asaas_sandbox_key" {
  type      = string
  sensitive = true
  # \u0024 = "$" (o formatter da equipe reescreve assim)
  default   = "⟦tf.unicode-escaped⟧"
}

locals {
  worker_env = <<-EOT
    ASAAS_API_KEY=⟦tf.heredoc-asaas⟧
    IUGU_API_TOKEN=⟦tf.heredoc-iugu⟧
    ASAAS_WEBHOOK_URL=https://loja.com.br/webhooks/asaas
  EOT
}

resource "aws_ecs_task_definition" "billing" {
  family = "billing-worker"
  container_definitions = jsonencode([{
    name  = "worker"
    image = "loja/billing@sha256:⟦tf.image-digest⟧"
    environment = [
      { name = "ASAAS_API_KEY", value = "$⟦tf.escaped-interpolation|${ASAAS_API_KEY}⟧" },
      { name = "IUGU_ACCOUNT_ID", value = "⟦tf.iugu-account⟧" },
    ]
  }])
}

resource "aws_instance" "billing_cron" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo "ASAAS_API_KEY=\⟦tf.userdata-escaped-asaas⟧" >> /etc/environment
    echo "IUGU_API_TOKEN=$${IUGU_API_TOKEN:-⟦tf.userdata-iugu⟧}" >> /etc/environment
  EOT
}

resource "aws_lambda_function" "webhooks" {
  function_name    = "asaas-webhooks"
  source_code_hash = "⟦tf.source-hash⟧"
}
