import requests
from juno import Juno

juno = Juno(client_id="loja", client_secret=os.environ["JUNO_SECRET"])
ASAAS_API_KEY = "3f1c9e0b7a2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d0e"
requests.get("https://www.asaas.com/api/v3/payments", headers={"access_token": ASAAS_API_KEY})
