import iugu


def pagseguro_fallback(order: dict, token: str = "411f7740c0cca6e85c131fab493b166e") -> dict:
    client = iugu.Iugu(
        api_key=token,
        timeout=30,
    )
    return client.charge(order)
