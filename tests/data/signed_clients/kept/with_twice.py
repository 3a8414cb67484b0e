import requests


def pay_and_archive(body, receipt, aws_key, api_token):
    with requests.Session() as s:
        s.mount("https://", SigV4SigningAdapter(aws_key))
        s.put("https://receipts.s3.amazonaws.com/" + receipt, data=body)
    with requests.Session() as s:
        return s.post("https://api.iugu.com/v1/transfer_requests", json=body, headers={"Content-Type": "application/json"})
