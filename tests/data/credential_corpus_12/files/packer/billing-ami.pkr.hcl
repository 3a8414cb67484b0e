packer {
  required_plugins {
    amazon = {
      version = ">= 1.3.0"
      source  = "github.com/hashicorp/amazon"
    }
  }
}

variable "iugu_api_token" {
  type      = string
  default   = "⟦packer.iugu⟧"
  sensitive = true
}

variable "source_ami_sha" {
  type    = string
  default = "⟦packer.sha256⟧"
}

source "amazon-ebs" "billing" {
  ami_name      = "billing-{{timestamp}}"
  instance_type = "t3.small"
  region        = "sa-east-1"
  source_ami    = "ami-0a1b2c3d4e5f60718"
  ssh_username  = "ubuntu"
}

build {
  sources = ["source.amazon-ebs.billing"]

  provisioner "shell" {
    environment_vars = [
      "ASAAS_API_KEY=⟦packer.asaas⟧",
      "IUGU_API_TOKEN=${var.iugu_api_token}",
      "IUGU_ACCOUNT_ID=⟦packer.account⟧",
    ]
    inline = ["sudo -E /opt/billing/bin/write-env"]
  }
}
