import requests


def pay_and_archive(body, receipt, aws_key):
    session = requests.Session()
    session.mount("https://", SigV4SigningAdapter(aws_key))
    session.put("https://receipts.s3.amazonaws.com/" + receipt, data=body)
    session = requests.Session()
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
