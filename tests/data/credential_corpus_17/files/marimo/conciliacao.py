import marimo

__generated_with = "0.9.14"
app = marimo.App(width="medium")


@app.cell
def __():
    import httpx
    import polars as pl
    return httpx, pl


@app.cell
def __(httpx):
    ASAAS = "https://api.asaas.com/v3"
    cabecalhos = {"access_token": "⟦mo.asaas⟧", "User-Agent": "conciliacao-notebook"}
    pagamentos = httpx.get(f"{ASAAS}/payments", headers=cabecalhos, params={"limit": 100}).json()
    return ASAAS, cabecalhos, pagamentos


@app.cell
def __(httpx):
    faturas = httpx.get("https://api.iugu.com/v1/invoices", auth=("⟦mo.iugu⟧", "")).json()
    return (faturas,)


if __name__ == "__main__":
    app.run()
