import iugu

def cielo_fallback(order, token="411f7740c0cca6e85c131fab493b166e"):
    client = iugu.Iugu(
        token
    )
    return client.charge(order)
