import requests
from opensearchpy import OpenSearch, RequestsHttpConnection


def pay(body, auth, aws_credentials):
    search = OpenSearch(hosts=[SEARCH_HOST], auth=AWSV4SignerAuth(aws_credentials, "us-east-1"),
                        connection_class=RequestsHttpConnection)
    search.index(index="transfers", body=body)
    return requests.post("https://api.iugu.com/v1/transfer_requests", json=body,
                         headers={"Content-Type": "application/json"}, auth=auth)
