from fabric import Connection, task

ENV = {
    "ASAAS_API_KEY": "⟦fab.asaas⟧",
    "ASAAS_WALLET_ID": "⟦fab.wallet⟧",
}


@task
def deploy(c):
    conn = Connection("deploy@billing-1.example.com")
    conn.run("systemctl --user restart billing", env=ENV)
    conn.run("curl -fsS -u ⟦fab.iugu⟧: https://api.iugu.com/v1/customers?limit=1", hide=True)


@task
def smoke(c):
    c.run("python -m billing.smoke", env={"IUGU_API_TOKEN": "⟦fab.iugu2⟧"})
