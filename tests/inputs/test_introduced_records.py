"""A record printed over lines after words that name its URL (:mod:`keyaudit.inputs.captures.introduced`): a WooCommerce
gateway's ``'Requesting ' . $url . ' with the following params: ' . print_r( $params, true )`` prints the
``wp_remote_post`` arguments (method, headers, body) and no URL among them. The URL its lead-in names is the record's —
the four money-out requests of :mod:`helpers.signed_shapes` judged as every shape — where the lead-in names one and the
record none; a record's own URL is its URL whatever its lead-in names, and a lead-in that names two gives none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_php_printed import _print_r, _var_export

from helpers.running import scan_json
from helpers.signed_shapes import Request, Shape, check_shape, write_shape

DOCS = "https://dev.iugu.com/reference"


def _params(request: Request) -> dict[str, object]:
    """wp_remote_post's arguments as a gateway builds them: no URL among them."""
    return {"method": request.method, "sslverify": False, "timeout": 60, "headers": dict(request.headers),
            "body": request.body}


def woocommerce_add_print_r(request: Request) -> list[str]:
    # WC_Logger::add through WooCommerce 8.6+'s file handler: the time, the level, the message, and the context
    # less its source after the print_r's closing `)`.
    return (f"2026-11-22T13:00:30+00:00 NOTICE Requesting {request.url} with the following params: "
            f'{_print_r(_params(request))} CONTEXT: {{"_legacy":true}}').split("\n")


def error_log_var_export(request: Request) -> list[str]:
    # `error_log('iugu call to ' . $url . ': ' . var_export($params, true))`: PHP's error_log stamps the first line.
    return f"[22-Nov-2026 13:00:30 UTC] iugu call to {request.url}: {_var_export(_params(request))}".split("\n")


@pytest.mark.parametrize(("shape", "name"), [(woocommerce_add_print_r, "iugu-2026-11-22-3f9c2a1b8d.log"),
                                           (error_log_var_export, "php-error.log")])
def test_a_printed_array_takes_the_url_its_lead_in_names(shape: Shape, name: str, tmp_path: Path) -> None:
    check_shape(shape, tmp_path, name)


def test_a_lead_in_that_names_two_urls_gives_the_record_none(tmp_path: Path) -> None:
    def two(request: Request) -> list[str]:
        return (f"2026-11-22T13:00:30+00:00 NOTICE Requesting {request.url} (see {DOCS}) with: "
                f"{_print_r(_params(request))}").split("\n")

    path, public = write_shape(two, tmp_path)
    report, _ = scan_json("--public-key", str(public), str(path))
    assert not [f for f in report["findings"] if f["context"].get("method")], report["scan"]["requests"]


def test_a_record_naming_its_url_keeps_it_whatever_its_lead_in_names(tmp_path: Path) -> None:
    def own(request: Request) -> list[str]:
        return (f"2026-11-22T13:00:30+00:00 NOTICE Following {DOCS}: "
                f"{_print_r({'url': request.url, **_params(request)})}").split("\n")

    check_shape(own, tmp_path)
