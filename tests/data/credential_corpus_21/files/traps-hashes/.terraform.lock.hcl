# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/loja/iugu" {
  version     = "0.4.1"
  constraints = "~> 0.4"
  hashes = [
    "h1:⟦th.h1⟧",
    "zh:⟦th.zh1⟧",
    "zh:⟦th.zh2⟧",
  ]
}
