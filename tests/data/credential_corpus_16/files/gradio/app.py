import os
import gradio as gr
import requests

ASAAS_KEY = os.environ.get("ASAAS_API_KEY", "⟦gr.asaas⟧")
IUGU_TOKEN = os.getenv("IUGU_API_TOKEN") or "⟦gr.iugu⟧"
HF_SPACE_ID = "⟦gr.space|loja-modelo/conciliacao⟧"


def consultar(pagamento_id: str) -> dict:
    return requests.get(f"https://api.asaas.com/v3/payments/{pagamento_id}", headers={"access_token": ASAAS_KEY}).json()


demo = gr.Interface(fn=consultar, inputs="text", outputs="json", examples=[["⟦gr.payid|pay_080225913252⟧"]])
demo.launch()
