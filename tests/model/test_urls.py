"""URLs split without failing and redacted by structure: user information always, and every
segment that holds a found secret, however often and however it is encoded."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.credentials import asaas_key, iugu_token
from helpers.secrecy import assert_absent
from keyaudit.model.secrets import Secret
from keyaudit.model.urls import hide_userinfo, redact_url, split_url


@given(st.text(max_size=80) | st.from_regex(r"[a-z]{1,5}://[^/?#]{0,20}(/[^?#]{0,20})?(\?[^#]{0,20})?(#.{0,9})?"))
def test_any_text_splits_and_joins_back_unchanged(url: str) -> None:
    assert split_url(url).unsplit() == url


@pytest.mark.parametrize("url,host,port,number", [
    ("http://api.iugu.com:99999/v1", "api.iugu.com", "99999", None),  # urlsplit raises on .port here
    ("http://[::1/v1/transfers", "[::1", None, None),                   # and on an unclosed bracket
    ("https://[::1]:8443/x", "[::1]", "8443", 8443),
    ("https://[::1]/x", "[::1]", None, None),
    ("https://u:p@api.iugu.com/v1", "api.iugu.com", None, None),
    ("/v1/customers", None, None, None),
])
def test_split_url_takes_urls_as_logs_write_them(url: str, host: str | None, port: str | None,
                                                  number: int | None) -> None:
    parts = split_url(url)
    assert (parts.host, parts.port, parts.port_number) == (host, port, number)


@pytest.mark.parametrize("userinfo", ["TOKEN", "TOKEN:", "TOKEN:x", "svc-billing:Pw9!secret", "user%40corp:pw"])
def test_user_information_is_always_hidden(userinfo: str) -> None:
    token = iugu_token()
    url = f"http://{userinfo.replace('TOKEN', token)}@api.iugu.com:8080/v1/customers?limit=5"
    shown = redact_url(url, [])
    assert shown == "http://***@api.iugu.com:8080/v1/customers?limit=5"


def test_a_token_repeated_in_path_query_and_fragment_is_redacted_everywhere() -> None:
    token = iugu_token("long")
    secret = Secret(token)
    url = (f"https://{token}@api.iugu.com/v1/{token}/customers/tok_{token}.json"
           f"?api_token={token}&limit=5&next={quote(token)}#{token}")
    shown = redact_url(url, [secret])
    assert_absent(token, shown, what="the iugu token")
    r = secret.redacted
    assert shown == (f"https://***@api.iugu.com/v1/{r}/customers/tok_{r}.json"
                     f"?api_token={r}&limit=5&next={r}#{r}")


def test_a_percent_encoded_key_is_found_and_its_segment_stays_one_segment() -> None:
    key = asaas_key()
    prefix, payload = key[:len("$aact_prod_000")], key[len("$aact_prod_000"):]
    secret = Secret(payload.rstrip("="), prefix)
    for written in (quote(key, safe=""), quote(quote(key, safe=""), safe="")):  # once and twice encoded
        url = f"http://api.asaas.com/v3/customers?access_token={written}&x=1"
        shown = redact_url(url, [secret])
        assert_absent(payload.rstrip("="), shown, what="the Asaas key")
        query = split_url(shown).query or ""
        assert query.split("&")[1:] == ["x=1"] and query.startswith("access_token=")


def test_the_keys_of_a_request_sending_thousands_are_redacted_as_each_alone_would_be() -> None:
    """Only the keys written in the URL (as they are, or encoded up to three times) are looked for in its segments:
    the others a request sends, thousands in a customer list's body, change nothing."""
    keys = [asaas_key() for _ in range(4)]
    secrets = [Secret(key[len("$aact_prod_000"):], key[:len("$aact_prod_000")]) for key in keys]
    url = (f"http://api.asaas.com/v3/{keys[0]}/x?access_token={quote(keys[1], safe='')}"
           f"&b={quote(quote(keys[2], safe=''), safe='')}#{quote(quote(quote(keys[3], safe=''), safe=''), safe='')}")
    others = [Secret(iugu_token()) for _ in range(2000)]
    shown = redact_url(url, [*others[:1000], *secrets, *others[1000:]])
    assert shown == redact_url(url, secrets)
    for key in keys[:3]:
        assert_absent(key[len("$aact_prod_000"):], shown, what="an Asaas key")


def test_segments_without_a_secret_are_kept_as_written() -> None:
    url = "https://api.iugu.com/v1/invoices/5D1C9D1E%2F00?status=paid&q=a%20b#top"
    assert redact_url(url, [Secret(iugu_token())]) == url


@pytest.mark.parametrize(("address", "quoted", "hidden"), [
    ("tcp://svc:pw9@10.0.0.5:8786", "invalid address 'svc:pw9@10.0.0.5:8786'", "invalid address '***@10.0.0.5:8786'"),
    ("svc:pw9@10.0.0.5:8786", "no port in 'svc:pw9@10.0.0.5:8786'", "no port in '***@10.0.0.5:8786'"),
    ("tls://h:1/p?a=b@c", "cannot reach tls://h:1/p?a=b@c", "cannot reach tls://h:1/p?a=b@c"),  # an @ past the host
    ("tcp://10.0.0.5:8786", "timed out", "timed out"),
])
def test_an_address_s_user_information_is_hidden_wherever_a_message_quotes_it(address: str, quoted: str,
                                                                              hidden: str) -> None:
    assert hide_userinfo(quoted, address) == hidden
