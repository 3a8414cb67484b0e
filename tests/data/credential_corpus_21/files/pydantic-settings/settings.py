import base64

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAGAMENTOS_", env_file=".env")

    asaas_api_key: SecretStr = SecretStr("⟦pd.secretstr⟧")
    iugu_token: str = Field(default="⟦pd.field⟧", alias="IUGU_API_TOKEN")
    iugu_account_id: str = "⟦pd.account⟧"
    mercadopago_access_token: str = "⟦pd.mp⟧"


ASAAS_LEGACY = "".join(["⟦pd.join⟧"])
IUGU_HEADERS = {"Authorization": "Basic " + base64.b64encode(b"⟦pd.bytes⟧:").decode()}
SESSION_SECRET = "⟦pd.session⟧"
