import requests

IUGU_URL = "https://api.iugu.com/v1/invoices"


def getnet_fallback(order, token="411f7740c0cca6e85c131fab493b166e"):
    return requests.post(IUGU_URL, auth=(token, ""), json=order)
