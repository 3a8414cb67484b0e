from prefect.blocks.system import Secret
from prefect_shell import ShellOperation

# one-off registration; the values now live in Prefect Cloud
Secret(value="⟦prefect.asaas⟧").save("asaas-api-key", overwrite=True)
Secret(value="⟦prefect.iugu⟧").save("iugu-api-token", overwrite=True)
Secret(value="⟦prefect.other⟧").save("github-deploy-token", overwrite=True)
