"""Captured traffic with one bad part: curl commands and JSON request logs holding lone
surrogates, a JSON record nested deeper than the decoder goes. The bad part costs that part at
most: every other request in the file is still read and judged."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.bad_inputs import BadInput
from helpers.credentials import asaas_key, iugu_token


def _curl_with_lone_surrogate(folder: Path) -> str:
    (folder / "deploy.sh").write_text(
        "#!/bin/sh\n"
        f"curl -H 'access_token: {asaas_key()}' https://api.asaas.com/v3/customers\n"
        "curl $'https://api.iugu.com/v1/\\ud800' -d 'amount=1'\n"
        f"curl 'http://api.iugu.com/v1/transfers?api_token={iugu_token()}' -d 'amount=1'\n", encoding="utf-8")
    return "deploy.sh"


def _json_log_with_lone_surrogates(folder: Path) -> str:
    record = {"method": "POST", "url": "http://api.iugu.com/v1/transfer_requests", "headers": {"X-Trace": "-"},
              "body": json.dumps({"api_token": iugu_token(), "amount_cents": 100})}
    broken = json.dumps(record).replace('"-"', '"\\udfff"').replace("/v1/transfer_requests", "/v1/\\ud800")
    (folder / "requests.jsonl").write_text(f"{broken}\n{json.dumps(record)}\n", encoding="utf-8")
    return "requests.jsonl"


def _deep_json_record(folder: Path) -> str:
    (folder / "deep.jsonl").write_text('{"a": %s"api_token=%s"%s}\n' % ("[" * 5000, iugu_token(), "]" * 5000))
    return "deep.jsonl"


CASES = [
    BadInput("a curl command with a lone surrogate", _curl_with_lone_surrogate, error=None, findings=4),
    BadInput("a JSON request log with lone surrogates", _json_log_with_lone_surrogates, error=None, findings=4),
    BadInput("a JSON log record nested 5,000 deep", _deep_json_record, error=None, findings=1),
]
