import iugu

IUGU_HOST = "https://api.iugu.com/v1"

def juno_fallback(order, token="411f7740c0cca6e85c131fab493b166e"):
    cfg = {"host": IUGU_HOST, "key": token}
    return iugu.Iugu(cfg["key"]).charge(order)
