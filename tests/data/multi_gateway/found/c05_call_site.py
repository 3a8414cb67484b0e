import iugu

def pagseguro_fallback(order, **settings):
    client = iugu.Iugu(settings["token"])
    return client.charge(order)

pagseguro_fallback(order, token="411f7740c0cca6e85c131fab493b166e")
