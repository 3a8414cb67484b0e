"""Files of projects that use Asaas and iugu correctly, or keep other services' tokens beside theirs,
scanned as the pre-commit hook scans them (default options): none may give a finding, since a hook
that blocks on noise loses its users. Each case has a twin that does leak, so the rule that stays
quiet on the case is shown to still speak where it should. A failure names the case and the rules
that spoke, never a value."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import hex_digest, iugu_token
from helpers.running import scan_json


def _user_object_page(api_host: str, site_host: str, value: str) -> str:
    """A page of API docs: a curl call to ``api_host`` and the user object it answers, which links to
    ``site_host``."""
    return (f"Example request\n```shell\ncurl -v -u jane@example.com:secret -X GET https://{api_host}/v9/me\n```\n"
            f'Response\n```json\n{{\n\t"data": {{\n\t\t"id":42,\n\t\t"api_token":"{value}",\n'
            f'\t\t"image_url":"https://{site_host}/images/profile.png"\n\t}}\n}}\n```\n')


def _form_call(url: str, value: str, field: str) -> str:
    """A script's curl call posting ``api_token`` and one more field as a form to ``url``."""
    return f'curl -X POST {url} \\\n  -d api_token="{value}" \\\n  -d {field}\n'


# (file name, text around a hex value) of one clean case, and of its leaking twin
Case = tuple[tuple[str, Callable[[str], str]], tuple[str, Callable[[str], str]]]

CASES: dict[str, Case] = {
    # an export of a shop's saved cards, named for them: the token is the card's payment token
    "card-export-by-name": (
        ("payment_methods.csv", lambda value: f"id,gateway,token\n1,iugu,{value.upper()}\n"),
        ("gateway_credentials.csv", lambda value: f"id,gateway,token\n1,iugu,{value.upper()}\n"),
    ),
    # Asaas's webhook header in the receiving server's access log: the webhook's authToken
    "asaas-webhook-header": (
        ("access.log", lambda value: '54.94.183.101 - - [22/Nov/2026:10:00:00 -0300] "POST /webhooks/asaas HTTP/1.1"'
                                     f' 200 2 "-" "Asaas_Prod/3.0" asaas-access-token="{value}"\n'),
        ("asaas.env", lambda value: f"ASAAS_URL=https://www.asaas.com/api/v2\nASAAS_API_KEY={value}\n"),
    ),
    # another service's api_token beside iugu's setting (Toggl's tokens are 32 hex)
    "other-product-api-token": (
        (".env", lambda value: f"IUGU_API_TOKEN=${{IUGU_API_TOKEN}}\nTOGGL_API_TOKEN={value}\n"),
        (".env", lambda value: f"IUGU_API_TOKEN={value}\nTOGGL_API_TOKEN=${{TOGGL_API_TOKEN}}\n"),
    ),
    # another product's API docs (a time tracker's, whose api_token is 32 hex as iugu's): the user object a curl
    # call to it answers, beside a link to its site, in a page that names iugu nowhere
    "other-product-api-docs": (
        ("authentication.md", lambda value: _user_object_page("api.track.toggl.com", "www.toggl.com", value)),
        ("authentication.md", lambda value: _user_object_page("api.iugu.com", "iugu.com", value)),
    ),
    # a mobile app's script exporting its translations (POEditor's api_token is 32 hex too); its twin posts to
    # iugu with a chat's webhook beside the token (another site, but not a product whose token is api_token)
    "translation-export-script": (
        ("i18n.sh", lambda value: _form_call("https://api.poeditor.com/v2/projects/export", value, 'id="123456"')),
        ("i18n.sh", lambda value: _form_call("https://api.iugu.com/v1/invoices", value,
                                             'notification_url="https://hooks.slack.com/services/T0/B0/x"')),
    ),
    # an iugu client's log of its token's digest
    "digest-in-prose": (
        ("iugu.log", lambda value: "INFO [iugu] GET https://api.iugu.com/v1/invoices -> 200\n"
                                   f"INFO [iugu] md5 do token={value}\n"),
        ("iugu.log", lambda value: "INFO [iugu] GET https://api.iugu.com/v1/invoices -> 200\n"
                                   f"INFO [iugu] token={value}\n"),
    ),
    # an application's summary of a signed transfer: its word about the Signature header, not the header's value
    "signature-noted": (
        ("transfers.log", lambda value: '{"msg": "iugu transfer", "method": "POST", "url": '
                                        '"https://api.iugu.com/v1/transfer_requests", "signature": "ok", '
                                        f'"request_time": "2026-11-22T10:00:00-03:00", "id": "{value.upper()}"}}\n'),
        ("transfers.log", lambda value: '{"msg": "iugu transfer", "method": "POST", "url": '
                                        '"https://api.iugu.com/v1/transfer_requests", "signature": "not base64!", '
                                        f'"request_time": "2026-11-22T10:00:00-03:00", "id": "{value.upper()}"}}\n'),
    ),
}


def _findings(folder: Path, name: str, text: str) -> list[str]:
    folder.mkdir()
    (folder / name).write_text(text)
    report, _ = scan_json(str(folder))
    return [finding["rule_id"] for finding in report["findings"]]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_correct_integration_gives_no_finding_and_its_leaking_twin_does(tmp_path: Path, case: str) -> None:
    (clean_name, clean), (leak_name, leak) = CASES[case]
    value = hex_digest(32) if case == "asaas-webhook-header" else iugu_token("lower")  # a legacy Asaas key's 64 hex
    assert _findings(tmp_path / "clean", clean_name, clean(value)) == [], f"{case}: noise"
    assert _findings(tmp_path / "leak", leak_name, leak(value)) != [], f"{case}: the twin's leak was missed"
