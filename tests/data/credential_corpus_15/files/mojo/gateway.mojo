from python import Python

alias ASAAS_API_KEY = "⟦mojo.asaas⟧"
alias IUGU_API_TOKEN: StringLiteral = "⟦mojo.iugu⟧"
alias CACHE_SEED = "⟦mojo.seed⟧"


fn saldo() raises -> PythonObject:
    var requests = Python.import_module("requests")
    var headers = Python.dict()
    headers["access_token"] = "⟦mojo.asaas2⟧"
    return requests.get("https://api.asaas.com/v3/finance/balance", headers=headers).json()
