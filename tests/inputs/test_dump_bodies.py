"""Where the body of a request written as text begins and ends, by rules the dump table's shapes
share: a body marked apart from the head's lines (a debug callback's rendering of the data sent)."""

from __future__ import annotations

from pathlib import Path

from helpers.running import scan_json
from helpers.signed_shapes import Request, requests
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/invoices"


def _scan(folder: Path, lines: list[str], public: Path) -> dict[str, int]:
    log = folder / "requests.log"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    return report["scan"]["requests"]


def _timeline(request: Request) -> list[str]:
    """The request as a timeline of libcurl's debug rows shows it: `> ` header rows, a blank
    line between rows of two kinds, `| ` before each row of the body sent."""
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body)}"]
    body = [f"| {line}" for line in request.body.split("\n")]
    return ["* Connected", "", *(f"> {line}" for line in head), "", *body, "", "* upload completely sent off", "",
            "< HTTP/1.1 201 Created"]


def test_a_body_marked_as_data_sent_after_a_marked_head_is_the_body_sent(tmp_path: Path) -> None:
    found, public = requests(tmp_path)
    assert _scan(tmp_path, _timeline(found[1]), public) == {"requests_judged": 1, "signatures_valid": 1}
    assert _scan(tmp_path, _timeline(found[2]), public) == {"requests_judged": 1, "signatures_invalid": 1}
    # a blank line that no data follows still ends the request: the bare line after it is no header
    lines = ["> POST /v1/invoices HTTP/1.1", "> Host: api.iugu.com", "> Content-Length: 2", "", "Note: retried", "",
             "| {}"]
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "timeline.txt")
    assert (exchange.url, exchange.header("Note"), exchange.body) == (URL, None, None)
