package br.com.loja.billing

import sttp.client4.*

object IuguConfig:
  val ApiToken: String = sys.env.getOrElse("IUGU_API_TOKEN", "⟦sc.getorelse-iugu⟧")
  val AccountId: String = "⟦sc.account⟧"
  val BaseUrl = "https://api.iugu.com/v1"

object AsaasConfig:
  // s-interpolated: `$$` is a literal dollar sign
  val apiKey: String = s"⟦sc.s-interp-asaas⟧"
  val sandboxKey = "⟦sc.plain-asaas-hmlg⟧"

class IuguClient(backend: SyncBackend):
  def customers(): Response[Either[String, String]] =
    basicRequest
      .get(uri"${IuguConfig.BaseUrl}/customers")
      .auth.basic("⟦sc.auth-basic-iugu⟧", "")
      .send(backend)
