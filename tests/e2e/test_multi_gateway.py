"""iugu's and Asaas's credentials beside other gateways' (tests/data/multi_gateway): a veto that reads another
gateway's token out of a file must never take the iugu or Asaas credential beside it. Every file of ``found/``
holds a real (made-up) one, in the shapes earlier vetoes lost (a function named for another gateway handing its
token to iugu, a fallback logged after another gateway's failed call, an iugu client built inside another
gateway's constructor, a block that builds another gateway's client from a literal beside iugu's token);
``others/`` holds other gateways' tokens as members of their own SDK constructors or configuring calls, in files
that use iugu."""

from __future__ import annotations

from pathlib import Path

from helpers.running import scan_json

DATA = Path(__file__).resolve().parents[1] / "data" / "multi_gateway"


def _findings_by_file(folder: Path) -> dict[str, list[dict]]:
    report, _ = scan_json("--no-dedupe", str(folder))
    assert report["errors"] == []
    found: dict[str, list[dict]] = {path.name: [] for path in folder.iterdir()}
    for finding in report["findings"]:
        found[Path(finding["location"]["path"]).name].append(finding)
    return found


def test_every_iugu_or_asaas_credential_beside_another_gateway_is_found() -> None:
    found = _findings_by_file(DATA / "found")
    assert len(found) >= 50
    lost = sorted(name for name, findings in found.items()
                  if not any(f["rule_id"].startswith(("iugu-", "asaas-")) for f in findings))
    assert lost == [], f"credentials lost: {lost}"


def test_another_gateway_s_token_in_its_own_sdk_constructor_is_not_iugu_s() -> None:
    found = _findings_by_file(DATA / "others")
    reported = {name: sorted(f["rule_id"] for f in findings) for name, findings in found.items() if findings}
    assert reported == {}, f"other gateways' tokens reported: {reported}"
