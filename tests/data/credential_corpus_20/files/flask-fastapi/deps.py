from fastapi import Depends, FastAPI, Header
from starlette.config import Config

config = Config(".env")
ASAAS_API_KEY = config("ASAAS_API_KEY", default="⟦fa.default⟧")
IUGU_TOKEN = config("IUGU_API_TOKEN", cast=str, default="⟦fa.iugu⟧")
SESSION_SECRET = config("SESSION_SECRET", default="⟦fa.session⟧")

app = FastAPI()


async def asaas_key(access_token: str = Header(default="⟦fa.header⟧")) -> str:
    return access_token


@app.get("/pagamentos")
async def pagamentos(key: str = Depends(asaas_key)):
    return {"ok": True}
