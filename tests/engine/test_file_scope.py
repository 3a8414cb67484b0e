"""Weakened transport near the payment APIs: certificate checks off or old TLS forced count only in
a file that names a provider API host (a file-scope context), wherever in the file that host is.
Scanned through the CLI, on real files, with the report checked against its schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from helpers.data import load_schema
from helpers.running import cli, scan_json

# (file name, a line that weakens TLS, the rule it is reported by)
WEAKENED = [
    ("client.py", "requests.post(url, json=body, verify=False)", "tls-verification-off"),
    ("client.js", "const agent = new https.Agent({ rejectUnauthorized: false });", "tls-verification-off"),
    ("client.go", "cfg := &tls.Config{InsecureSkipVerify: true}", "tls-verification-off"),
    ("client.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);", "tls-verification-off"),
    ("client2.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);", "tls-verification-off"),
    ("client.rb", "http.verify_mode = OpenSSL::SSL::VERIFY_NONE", "tls-verification-off"),
    ("client.ex", "HTTPoison.post(url, body, headers, ssl: [verify: :verify_none])", "tls-verification-off"),
    ("stream.php", "$ctx = stream_context_create(['ssl' => ['verify_peer' => false]]);", "tls-verification-off"),
    ("client.rs", "let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;",
     "tls-verification-off"),
    ("payout.sh", 'curl -k -X POST "$URL" -H "access_token: $KEY"', "tls-verification-off-cli"),
    ("payout2.sh", 'curl --insecure -u "$TOKEN:" "$URL"', "tls-verification-off-cli"),
    ("Client.cs", "ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true;",
     "tls-accept-any-certificate"),
    ("Client.java", "public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {}",
     "tls-accept-any-certificate"),
    ("legacy.py", "context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)", "tls-legacy-protocol"),
    ("Legacy.cs", "ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11;", "tls-legacy-protocol"),
    ("legacy.go", "cfg := &tls.Config{MaxVersion: tls.VersionTLS10}", "tls-legacy-protocol"),
    ("legacy.sh", 'curl --tls-max 1.1 "$URL"', "tls-legacy-protocol"),
]
HOSTS = {"asaas": "https://api.asaas.com/v3", "iugu": "https://api.iugu.com/v1"}


def _write(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "line", "rule"), WEAKENED, ids=[w[0] for w in WEAKENED])
def test_weakened_tls_is_reported_only_in_a_file_that_calls_a_provider(tmp_path: Path, name: str, line: str,
                                                                         rule: str) -> None:
    calls = _write(tmp_path / "calls", name, f'BASE = "{HOSTS["iugu"]}"', line)
    _write(tmp_path / "alone", name, 'BASE = "https://internal.example.com/api"', line)
    _write(tmp_path / "lookalike", name, 'BASE = "https://api.iugu.com.evil.example/v1"', line)
    report, _ = scan_json(str(tmp_path))
    jsonschema.validate(report, load_schema())
    found = [(f["rule_id"], f["location"]["path"], f["location"]["line"]) for f in report["findings"]]
    assert found == [(rule, str(calls), 2)]
    finding = report["findings"][0]
    assert finding["category"] == "weak-transport" and finding["provider"] == "iugu"
    assert finding["context"]["provider_host"] == "api.iugu.com" and finding["secret"] is None
    assert finding["context"]["setting"] in line


@pytest.mark.parametrize("host_first", [True, False], ids=["host-first", "host-last"])
def test_the_host_counts_anywhere_in_the_file_chunks_away(tmp_path: Path, host_first: bool) -> None:
    """Files are read in 1 MiB chunks: the host may be several chunks before or after the setting."""
    filler = ["# " + "x" * 200] * 12_000  # ~2.4 MB between them
    lines = [f'ASAAS = "{HOSTS["asaas"]}"', *filler, "session.verify = False"]
    path = _write(tmp_path, "sync.py", *(lines if host_first else lines[::-1]))
    report, _ = scan_json(str(path))
    [finding] = report["findings"]
    assert finding["rule_id"] == "tls-verification-off" and finding["provider"] == "asaas"
    assert finding["location"]["line"] == (len(lines) if host_first else 1)
    assert finding["message"].endswith("(in a file that calls api.asaas.com)")


def test_the_scope_is_the_file_not_the_folder(tmp_path: Path) -> None:
    _write(tmp_path, "config.py", f'ASAAS = "{HOSTS["asaas"]}"')
    _write(tmp_path, "http.py", "requests.get(url, verify=False)")
    report, run = scan_json(str(tmp_path))
    assert report["findings"] == [] and run.exit_code == 0


def test_each_file_is_its_own_finding(tmp_path: Path) -> None:
    for name in ("a.py", "b.py"):
        _write(tmp_path, name, f'URL = "{HOSTS["iugu"]}/charge"', "requests.post(URL, verify=False)")
    report, _ = scan_json(str(tmp_path))
    assert sorted(Path(f["location"]["path"]).name for f in report["findings"]) == ["a.py", "b.py"]


@pytest.mark.parametrize(("first", "second"), [("iugu", "asaas"), ("asaas", "iugu")])
def test_the_host_on_the_line_itself_names_the_provider(tmp_path: Path, first: str, second: str) -> None:
    """Whichever provider the file names first (or the rule files list first), the line's own host
    names the provider of a setting on it."""
    path = _write(tmp_path, "run.sh", f"curl -s {HOSTS[first]}/customers", f"curl -sk {HOSTS[second]}/customers")
    report, _ = scan_json(str(path))
    [finding] = report["findings"]
    assert (finding["location"]["line"], finding["provider"]) == (2, second)


def test_provider_hosts_come_from_the_rule_files(tmp_path: Path) -> None:
    """A user pack names its own provider's hosts and asks for them as file-scope context; the
    engine finds them though no shipped record anchor covers them."""
    pack = tmp_path / "acme.yaml"
    pack.write_text("""\
provider_hosts:
  acme: [api.acmepay.example]
rules:
  - id: acme-insecure
    title: ACME client without certificate checks
    provider: generic
    category: weak-transport
    severity: high
    keywords: [acme_insecure]
    pattern: '(?P<secret>ACME_INSECURE\\s*=\\s*1)'
    captures_secret: false
    context: {provider_host: file}
    examples: ['ACME_URL=https://api.acmepay.example ACME_INSECURE=1']
    negative_examples: ['ACME_INSECURE=1']
""", encoding="utf-8")
    target = _write(tmp_path / "src", "settings.env", "ACME_INSECURE=1", "ACME_URL=https://API.ACMEPAY.EXAMPLE/v2")
    report, _ = scan_json("--rules", str(pack), str(target))
    assert [(f["rule_id"], f["provider"], f["context"]["provider_host"]) for f in report["findings"]] == [
        ("acme-insecure", "acme", "API.ACMEPAY.EXAMPLE")]
    assert cli("rules", "test", str(pack)).exit_code == 0


@pytest.mark.parametrize(("context", "problem"), [
    ("{provider_host: line}", "'context.provider_host' must be one of file"),
    ("{provider_host: file, pattern: 'x'}", "'context.provider_host' must be one of file"),
])
def test_a_bad_provider_host_context_is_one_line(tmp_path: Path, context: str, problem: str) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(f"""\
rules:
  - id: bad-scope
    title: Bad scope
    provider: acme
    category: weak-transport
    severity: high
    keywords: [insecure]
    pattern: '(?P<secret>insecure)'
    context: {context}
""", encoding="utf-8")
    run = cli("scan", "--rules", str(pack), str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()] and problem in run.stderr
    assert "bad-scope" in run.stderr


def test_other_hosts_of_the_provider_are_not_its_api(tmp_path: Path) -> None:
    """The panel and the docs (``app.iugu.com``, ``docs.asaas.com``) are named by record anchors
    on every line here, and are not API hosts: nothing calls the API."""
    lines = ["# see https://app.iugu.com/settings and https://docs.asaas.com/docs/authentication-2"] * 5000
    path = _write(tmp_path, "notes.py", *lines, "requests.get(DOCS, verify=False)")
    report, run = scan_json(str(path))
    assert report["findings"] == [] and run.exit_code == 0


@pytest.mark.parametrize(("hosts", "problem"), [
    ("[api.acme.example]", "'provider_hosts' must map each provider to a list of host names"),
    ("{acme: [https://api.acme.example/v1]}", "is not a lower-case host name"),
])
def test_bad_provider_hosts_are_one_line(tmp_path: Path, hosts: str, problem: str) -> None:
    pack = tmp_path / "hosts.yaml"
    pack.write_text(f"provider_hosts: {hosts}\nrules: []\n", encoding="utf-8")
    run = cli("scan", "--rules", str(pack), str(tmp_path))
    assert run.exit_code == 2 and problem in run.stderr and str(pack) in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
