"""iugu tokens in another secret scanner's report (the twenty-sixth corpus): trufflehog's JSON names the
detector that found the secret and prints the secret as `Raw`. A detector named for iugu's token makes its
`Raw` the token, as a store's dump that names the key makes its `value` field the token; a detector named
for a digest or an account, or a digest's field between, does not."""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported

FIELD = "iugu-token-name-then-value-field"
FRAME = ('{{"SourceMetadata":{{"Data":{{"Git":{{"file":"config/iugu.yml","line":4}}}}}},'
         '"SourceName":"trufflehog - git","DetectorType":1000,"DetectorName":"NAME","DecoderName":"PLAIN",'
         '"Verified":false,"Raw":"VALUE","RawV2":"","Redacted":""}}\n')


def _report(name: str, value: str) -> str:
    """A trufflehog JSON line whose detector is ``name`` and whose secret is ``value`` (a template's place)."""
    return FRAME.replace("NAME", name).replace("VALUE", value)


CASES = [
    (_report("iugu_api_token", "{token}"), [FIELD]),
    (_report("iugu-live-token", "{long}"), [FIELD]),
    # look-alikes: a detector of the token's digest, of an account id; a digest's field before `Raw`
    (_report("iugu_api_token_sha1", "{token}"), []),
    (_report("iugu_account_id", "{upper}"), []),
    (_report("iugu_api_token", "{token}").replace('"DecoderName"', '"md5":"-","DecoderName"'), []),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_a_scanners_raw_secret_under_an_iugu_token_detector_is_the_token(write, template: str,
                                                                         rules: list[str]) -> None:
    assert_reported(write, template, rules)
