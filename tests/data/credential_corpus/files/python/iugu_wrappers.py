"""Two ways the reporting jobs talk to iugu: the official SDK and plain requests."""
import iugu
import requests
from requests.auth import HTTPBasicAuth

api = iugu.config(token="⟦py.sdk-config-token⟧")
AUTH = HTTPBasicAuth("⟦py.httpbasicauth⟧", "")
URL = "https://api.iugu.com/v1/"


def subscriptions(customer_id):
    return requests.get(URL + "subscriptions", params={"customer_id": customer_id}, auth=AUTH).json()
