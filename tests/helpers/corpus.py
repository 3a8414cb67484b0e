"""The labelled credential corpus: templates of real-world files under
``tests/data/credential_corpus/files`` rendered with fake credentials, and the labels that say
what a scan of them must report and must not.

A template is a file as its authors write it, with each labelled value replaced by a mark:
``⟦id⟧`` is filled with a value of the kind ``labels.yaml`` gives for ``id`` (fresh for every
label, yet the same on every run: the random generator is seeded with the label's id), and
``⟦id|text⟧`` labels ``text`` as it is written (a URL, a placeholder). Rendering drops the marks
and records where each labelled value ends up (line and columns), so a label's place is exact
by construction and survives edits to the lines around it.

Credentials are generated, never committed: what the files hold is structure, and the
validators accept the values because they are built with the structure real keys have.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

import yaml

from helpers import credentials as fake
from helpers.data import DATA
from helpers.serialized import SERIALIZED
from helpers.spellings import SPELLINGS

CORPUS_DIR = DATA / "credential_corpus"
# The first corpus, then blind ones (written without reading the rules) in shapes the ones
# before do not have, each the same layout (files/, labels.yaml), rendered and scored the same
# way: second, deployment state and tools' output; third, languages' and configuration syntaxes'
# literals (the `$` escaped each syntax's way, raw and multi-line strings, cut literals); fourth,
# log pipelines, debuggers and traffic captures; fifth, configuration languages, tools' files and
# the key as bytes; sixth, mail, chat, documents, shells and processes (its value kinds are in
# helpers.spellings); seventh, build logs, orchestrators, stores, serializers and observability
# pipelines (its value kinds are in helpers.serialized); eighth, secret managers', platforms' and
# tools' CLI output, IaC outputs, mobile and desktop stores, test plans, spreadsheets, R/Julia/MATLAB/Erlang;
# ninth, CI systems' variables and logs, Helm and Kustomize output, configuration languages (Dhall, CUE,
# Jsonnet, Pkl, JSON5), tools' env tables, merge artifacts, issue and chat exports, crash reports and
# runtime dumps, and nine more languages; tenth, secret managers' CLI output, configuration management
# (Chef, Salt, Puppet), serverless and PaaS configurations, API clients and load testers, shell recorders,
# tracing exports, notebooks, and ten more languages; eleventh, web platforms' configuration (WordPress,
# Drupal, Magento, Odoo, Laravel, Django, Spring, Quarkus) and their CLIs, proxies' and servers' configuration
# (nginx, php-fpm, Caddy, Traefik, HAProxy, Envoy, systemd), Compose and YAML anchors, mobile builds
# (Gradle, smali, react-native-config, Expo, Flutter), a browser extension, a minified bundle, Kafka;
# twelfth, CI/CD and build tools not yet covered (Tekton, Argo Workflows, Woodpecker, Concourse, Skaffold,
# Earthly, Packer, Buildx Bake), IaC inputs (CDK, Bicep/ARM, Terragrunt, tfvars), Knative, Dapr, Quadlet,
# message queues and event buses, observability configs, mocks, contracts and test fixtures, IDE run
# configurations, REPL sessions, column stores and migrations, network monitors, eight more languages;
# thirteenth, API gateways, low-code and workflow tools, data pipelines, web shops, JVM microframeworks,
# proxies' captures, documents (ODF, Org, AsciiDoc, reST, Typst, MDX) and ten more languages; fourteenth,
# password managers' exports, hosting and shop platforms' stores, PaaS and CI files not yet covered, Java and
# Windows servers, web servers and caches, data engines, chat exports, templates, app projects, test tools,
# browsers' request copies, directories and calendars, and fifteen more languages; fifteenth, job runners and
# configuration management not yet covered (Rundeck, AWX, CFEngine, Juju), GitOps and platform manifests (Argo CD,
# KubeVela, OpenFaaS, OpenShift), monitors, integration and data tools, IDE and build files, Windows exports in
# UTF-16, version control other than git, documents, chat logs, serialization formats, and twelve more languages;
# sixteenth, Brazilian ERP and shop platforms (Bling, Tiny, Omie, VTEX, Nuvemshop, Tray, Shopware, Sylius, Spree, Medusa,
# Saleor, ERPNext, Dolibarr, Bagisto, Bitrix), web frameworks' CLIs and build outputs (Symfony, artisan config:show, queue
# payloads, Next.js, Nuxt, SvelteKit, Angular, Vue, EAS), low-code and office automation (Apps Script, Power Automate,
# Power Fx, LibreOffice Basic, AL, X++, Deluge, Airtable), stores' dumps and monitors, service managers, encodings;
# seventeenth, incident and error trackers' payloads (PagerDuty, Opsgenie, Rollbar, Bugsnag, Honeybadger, Honeycomb),
# CI systems not yet covered (Semaphore, GoCD, SourceHut, Harness, Codefresh, Bamboo, Screwdriver), dev environment
# and app servers' files (direnv, mise, devbox, just, Tilt, uWSGI, gunicorn, Passenger, NGINX Unit, Liberty, Payara),
# tools' histories (mysql, psql, Vim, less, fish), Windows (reg add, SecureString, splatting, UTF-16), data and
# serverless tools (dlt, marimo, Mage, Singer, Celery, Chalice, Zappa, SST, Amplify), scanners' reports, traps;
# eighteenth, secret operators and stores (External Secrets, Pulumi ESC, Terraform Cloud, Nomad variables, Supabase Vault,
# memcached, password managers' CLIs, cmdkey), job queues and HTTP clients' debug logs (Oban, Feign, Net::HTTP,
# IHttpClientFactory), API gateways and CDNs (API Gateway, APIM, Apigee, CloudFront, Akamai), CI/CD (JCasC, a Jenkins job,
# Octopus OCL), ETL and data (SSIS, Kedro), embedded (Arduino, ESP-IDF), installers (Inno Setup, NSIS, WiX), Web.config
# transforms, Ansible inventories, envdir, pam_env, desktop entries, NixOS, PaaS CLIs, traps (gateways, lockfiles);
# nineteenth, game engines and app frameworks (Godot, Unity assets, MAUI, Electron, flutter_dotenv), build tools (SCons,
# premake, Conan, Cargo's [env], CocoaPods, Xcode), Unix and macOS files (.netrc, .curlrc, defaults, git's extraHeader),
# platforms' CLIs (fly, gh, CapRover, Docker Swarm configs, Dagger, schtasks), documents (vCard, .fods, LaTeX, Notion,
# Trello, sheets' formulas, Power Query, a patch mailed quoted-printable), Squid's log, signal-cli, six more languages;
# twentieth, Delphi and Lazarus forms, PowerShell data files, Home Manager, Guix, Haskell and OCaml packaging, web
# frameworks' settings and ORMs' seeds (Flask, Starlette, Sinatra, Hanami, Grails, Rocket, Fiber/GORM, Prisma,
# Sequelize, Knex, SQLx, PocketBase), headless CMS exports (Contentful, Sanity), Keycloak, password managers' CSV, xh,
# tshark fields, mitmdump, WildFly, REG_MULTI_SZ, Zuul, ToolJet, Huginn, Baserow, Kubernetes stringData, six languages.
CORPORA = {"first": CORPUS_DIR, **{name: DATA / f"credential_corpus_{number}" for number, name in enumerate(
    ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
     "nineteenth", "twentieth"), start=2)}}
SEED = "keyaudit-credential-corpus-1"  # change it to draw every value anew
MARK = re.compile(r"⟦(?P<id>[a-z0-9][a-z0-9.-]*)(?:\|(?P<text>[^⟦⟧\n]*))?⟧")
KINDS = ("credential", "plaintext-http", "environment-mismatch")  # what the labels measure


def _asaas(environment: str, lose: str = "", wrap: Callable[[str], str] = str) -> Callable[[random.Random], str]:
    """An Asaas key of ``environment`` with the leading ``lose`` cut off, then ``wrap``-ped."""

    def make(rng: random.Random) -> str:
        key = fake.asaas_key(environment, rng)
        return wrap(key[len(lose):] if key.startswith(lose) else key)

    return make


def _cut(joiner: str) -> Callable[[str], str]:
    """A value cut in two at its middle and joined by ``joiner``: two string literals joined by
    `+` (as code does to slip past push-time secret scanners) or written side by side, or one
    literal continued on the next line; the two halves and the joiner are the labelled value."""
    return lambda value: f"{value[:len(value) // 2]}{joiner}{value[len(value) // 2:]}"


# How string literals write the `$` an Asaas key starts with when they escape it by a code
# rather than by a prefix (`\$`, `` `$ ``, `$$` are written in the templates before the key).
# C's `\x` reads every hex digit after it, so C code closes the literal after the escape.
DOLLAR_ESCAPES = {"hex": "\\x24", "hex-c": '\\x24" "', "octal": "\\044", "unicode-braced": "\\u{24}",
                  "unicode-long": "\\U00000024", "sql-unicode": "\\0024", "lua-decimal": "\\36",
                  "python-named": "\\N{DOLLAR SIGN}", "html-decimal": "&#36;", "html-hex": "&#x24;",
                  "html-named": "&dollar;"}
# What a cut writes between the halves: `+` between literals; literals side by side (Python, C,
# Dart); a backslash ending the line (shell, C, YAML and TOML strings; Rust and Java text blocks
# drop the next line's indentation).
JOINERS = {"split": '" + "', "split-adjacent": '"\n    "', "split-continued": "\\\n",
           "split-continued-indented": "\\\n        ",
           # log pipelines: a line wrapped at a fixed width; a line a container runtime cut into
           # partial records (CRI's `P` then `F`; Docker's json-file, whose partial `log` lacks
           # the `\n`); Node's util.inspect of a long string ('…' +\n  '…'); curl --trace-ascii's
           # lines of 64 bytes, each after its offset
           "split-wrapped": "\n",
           "split-cri": "\n2026-12-01T03:14:07.512301877Z stdout F ",
           "split-docker": '","stream":"stdout","time":"2026-12-01T03:14:07.512301877Z"}\n{"log":"',
           "split-inspect": "' +\n    '",
           "split-trace-ascii": "\n0040: "}


def _reg_hex(value: str, code: int = 2) -> str:
    """``value`` as regedit exports a REG_EXPAND_SZ (``code`` 2) or a REG_MULTI_SZ (7, its strings
    NUL-separated in ``value``): `hex(code):` then its UTF-16LE bytes and the terminating NUL in hex,
    comma-separated, lines continued with a backslash."""
    octets = [f"{byte:02x}" for byte in (value + "\0").encode("utf-16-le")]
    rows = [",".join(octets[i:i + 25]) for i in range(0, len(octets), 25)]
    return f"hex({code}):" + ",\\\n  ".join(rows)


def _xxd(text: str, offset: int) -> str:
    """``text`` as ``xxd`` dumps it from byte ``offset`` of a capture: the offset, 16 bytes in
    groups of two as hex, and the ASCII column with `.` for what does not print."""
    data = text.encode()
    rows = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        groups = " ".join(chunk[i:i + 2].hex() for i in range(0, len(chunk), 2))
        ascii_column = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        rows.append(f"{offset + at:08x}: {groups:<39}  {ascii_column}")
    return "\n".join(rows)


def _jwt(key: str) -> str:
    """An unsigned-looking JWT (HS256 header, random signature) whose payload claims hold ``key``."""
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    claims = f'{{"sub":"billing-worker","asaas_api_key":"{key}","iat":1764547200}}'
    signature = hashlib.sha256(key.encode()).digest()
    return ".".join((part(b'{"alg":"HS256","typ":"JWT"}'), part(claims.encode()), part(signature)))


def _mime_body(key: str) -> str:
    """A text/plain mail body holding ``key``, base64-encoded in 76-character lines (RFC 2045)."""
    body = f"Oi Ana,\r\n\r\nSegue a chave de produção do Asaas:\r\n\r\n{key}\r\n\r\nAbs,\r\nRafael\r\n"
    encoded = base64.b64encode(body.encode()).decode()
    return "\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


def _gzip_base64(text: str) -> str:
    """``text`` gzip-compressed (no time stamp, so the same on every run) and base64-encoded on
    one line: cloud-init's `encoding: gz+b64`, a compressed blob in a key-value store."""
    return base64.b64encode(gzip.compress(text.encode(), mtime=0)).decode()


def _dotenv(rng: random.Random) -> str:
    """A whole `.env` file holding a production Asaas key and a 64-hex iugu token."""
    return (f"ASAAS_BASE_URL=https://api.asaas.com/v3\nASAAS_API_KEY={fake.asaas_key('prod', rng)}\n"
            f"IUGU_API_TOKEN={fake.iugu_token('long', rng)}\nLOG_LEVEL=info\n")


def _helm_release(rng: random.Random) -> str:
    """A Helm 3 release as its Secret's `data.release` holds it: the release JSON (its chart's
    values with the key) gzip-compressed, base64-encoded, then base64-encoded again by Kubernetes."""
    release = (f'{{"name":"billing","info":{{"status":"deployed"}},"config":{{"asaas":'
               f'{{"apiKey":"{fake.asaas_key("prod", rng)}"}},"replicas":2}},"version":7}}')
    return base64.b64encode(_gzip_base64(release).encode()).decode()


def _hex_bytes(key: str, per_line: int = 12) -> str:
    """``key``'s bytes as a Go/C/Java array literal writes them: `0x24, 0x61, …`, ``per_line``
    a line (the next lines indented by a tab, as gofmt leaves them)."""
    cells = [f"0x{byte:02x}" for byte in key.encode()]
    return ",\n\t".join(", ".join(cells[i:i + per_line]) for i in range(0, len(cells), per_line))


def _sops(rng: random.Random) -> str:
    """A value SOPS encrypted (AES-256-GCM): ciphertext, IV and tag in base64 (a trap)."""
    def b64(nbytes: int) -> str:
        return base64.b64encode(bytes.fromhex(fake.hex_digest(nbytes, rng))).decode()

    return f"ENC[AES256_GCM,data:{b64(48)},iv:{b64(32)},tag:{b64(16)},type:str]"


def _basic(rng: random.Random) -> str:
    return fake.basic(fake.iugu_token(rng.choice(("lower", "upper")), rng))


def _user_password(rng: random.Random) -> str:
    return fake.basic(f"svc-{fake.hex_digest(3, rng)}", "Pw" + fake.alnum(14, rng) + "9!")


VALUES: dict[str, Callable[[random.Random], str]] = {
    "asaas-prod": _asaas("prod"),
    "asaas-hmlg": _asaas("hmlg"),
    "asaas-old": fake.old_asaas_key,
    "asaas-prod-no-dollar": _asaas("prod", "$"),  # a shell or a CLI ate the `$`
    "asaas-prod-unprefixed": _asaas("prod", "$aact_prod_"),  # PHP interpolated `$aact_prod_` away
    "asaas-prod-json-escaped": _asaas("prod", "$", lambda key: "\\u0024" + key),
    "asaas-prod-url-encoded": _asaas("prod", "$", lambda key: "%24" + key),
    "asaas-prod-compose-escaped": _asaas("prod", wrap=lambda key: "$" + key),  # `$$aact_…`
    "asaas-prod-base64": _asaas("prod", wrap=lambda key: base64.b64encode(key.encode()).decode()),
    "asaas-prod-url-encoded-twice": _asaas("prod", "$", lambda key: "%2524" + key),
    "asaas-hmlg-no-dollar": _asaas("hmlg", "$"),
    **{f"asaas-prod-{name}": _asaas("prod", wrap=_cut(joiner)) for name, joiner in JOINERS.items()},
    **{f"{kind}-{name}": lambda rng, joiner=joiner, case=case: _cut(joiner)(fake.iugu_token(case, rng))
       for name, joiner in JOINERS.items() for kind, case in (("iugu32", "lower"), ("iugu64", "long"))},
    **{f"asaas-prod-dollar-{name}": _asaas("prod", "$", lambda key, escape=escape: escape + key)
       for name, escape in DOLLAR_ESCAPES.items()},
    "iugu32-reg-hex2": lambda rng: _reg_hex(fake.iugu_token("lower", rng)),
    # a service's environment block as a REG_MULTI_SZ (the twentieth corpus)
    "iugu64-reg-hex7": lambda rng: _reg_hex(f"IUGU_API_TOKEN={fake.iugu_token('long', rng)}\0LOG_LEVEL=info\0", 7),
    # as logs and debuggers print bytes: every character percent-encoded (once, twice), every
    # byte a C hex escape (strace -xx), a list of byte values (journald's JSON for a message
    # that is not text, Erlang), an xxd dump; and a string cut at strace's 32 characters
    "asaas-old-percent-all": lambda rng: quote(fake.old_asaas_key(rng), safe=""),
    "asaas-old-percent-all-twice": lambda rng: quote(quote(fake.old_asaas_key(rng), safe=""), safe=""),
    "asaas-prod-c-hex-bytes": _asaas("prod", wrap=lambda key: "".join(f"\\x{byte:02x}" for byte in key.encode())),
    "asaas-prod-byte-list": _asaas("prod", wrap=lambda key: ",".join(str(byte) for byte in key.encode())),
    "iugu32-byte-list-spaced": lambda rng: " ".join(str(byte) for byte in fake.iugu_token("lower", rng).encode()),
    "cut32-asaas-prod": _asaas("prod", wrap=lambda key: key[:32]),
    "iugu32-xxd": lambda rng: _xxd(f"?api_token={fake.iugu_token('lower', rng)}&limit=50 HTTP/1.1\r\n"
                                   "Host: api.iugu.com\r\nAccept: */*\r\n\r\n", 16),
    "asaas-prod-jwt": _asaas("prod", wrap=_jwt),
    "asaas-prod-mime-body": _asaas("prod", wrap=_mime_body),
    # the key as bytes in a text (the fifth corpus): hex (lower, and upper as mysqldump
    # --hex-blob writes it), an array of hex byte literals, base32, gzip then base64, a whole
    # .env file in base64, a Helm release (gzip, base64, base64)
    "asaas-prod-hex": _asaas("prod", wrap=lambda key: key.encode().hex()),
    "asaas-prod-hex-upper": _asaas("prod", wrap=lambda key: key.encode().hex().upper()),
    "asaas-prod-0x-bytes": _asaas("prod", wrap=_hex_bytes),
    "asaas-prod-base32": _asaas("prod", wrap=lambda key: base64.b32encode(key.encode()).decode()),
    "asaas-prod-gzip-base64": _asaas("prod", wrap=lambda key: _gzip_base64(f"ASAAS_API_KEY={key}\n")),
    "iugu64-hex": lambda rng: fake.iugu_token("long", rng).encode().hex(),
    "dotenv-base64": lambda rng: base64.b64encode(_dotenv(rng).encode()).decode(),
    "helm-release": _helm_release,
    "sops-ciphertext": _sops,
    "pulumi-secure": lambda rng: "v1:" + base64.b64encode(bytes.fromhex(fake.hex_digest(40, rng))).decode(),
    "iugu64-base64": lambda rng: base64.b64encode(fake.iugu_token("long", rng).encode()).decode(),
    "asaas-legacy": fake.legacy_asaas_key,
    "iugu32": lambda rng: fake.iugu_token("lower", rng),
    "iugu32u": lambda rng: fake.iugu_token("upper", rng),
    "iugu64": lambda rng: fake.iugu_token("long", rng),
    "iugu32-base64": lambda rng: base64.b64encode(fake.iugu_token("lower", rng).encode()).decode(),
    "iugu32u-base64": lambda rng: base64.b64encode(fake.iugu_token("upper", rng).encode()).decode(),
    "basic-iugu": _basic,
    "basic-user": _user_password,
    "md5": lambda rng: fake.hex_digest(16, rng),
    "sha1": lambda rng: fake.hex_digest(20, rng),
    "sha256": lambda rng: fake.hex_digest(32, rng),
    "hex16": lambda rng: fake.hex_digest(8, rng),  # a W3C span id
    "sha256u": lambda rng: fake.hex_digest(32, rng).upper(),
    "sha256-base64": lambda rng: base64.b64encode(bytes.fromhex(fake.hex_digest(32, rng))).decode(),
    # ciphertexts: kubeseal's (base64 that starts "Ag") and an Ansible vault body (80-hex lines)
    "sealed-blob": lambda rng: "Ag" + base64.b64encode(bytes.fromhex(fake.hex_digest(384, rng))).decode()[2:],
    "ansible-vault-body": lambda rng: "\n          ".join(fake.hex_digest(40, rng) for _ in range(4)),
    "uuid": fake.random_uuid,
    "stripe": lambda rng: "sk_live_" + fake.alnum(24, rng),
    "github": lambda rng: "ghp_" + fake.alnum(36, rng),
    "mercadopago": lambda rng: fake.mercadopago_token("production", rng),
    "npm": lambda rng: "npm_" + fake.alnum(36, rng),
    **SPELLINGS,
    **SERIALIZED,
}


@dataclass(frozen=True)
class Label:
    """What one labelled value is and what a scan must say about it.

    ``expect`` lists the kinds (of :data:`KINDS`) a finding there must have; an empty list is a
    trap: any finding there is a false positive. ``leave`` names the work a miss is left to.
    """

    id: str
    group: str
    path: str
    line: int
    start: int  # 1-based column of the value's first character
    end: int  # 1-based column just after it
    expect: tuple[str, ...]
    provider: str
    shape: str
    value_kind: str
    leave: str = ""
    end_line: int = 0  # the line its value ends on, where it runs over lines (0: the line it starts on)


@dataclass(frozen=True)
class Rendered:
    """A rendered corpus: the files' texts by relative path, the labels, the generated values."""

    files: dict[str, str]
    labels: list[Label]
    values: dict[str, str]  # label id -> generated value (literal labels are not here)
    encodings: dict[str, str] = field(default_factory=dict)  # path -> codec, where not UTF-8

    def write(self, folder: Path) -> None:
        """Write every rendered file under ``folder`` (created as needed), in UTF-8 or the
        codec ``labels.yaml``'s ``encodings`` gives it (a Windows tool's UTF-16LE log)."""
        for relative, text in self.files.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding=self.encodings.get(relative, "utf-8"))


def load_manifest(corpus: Path = CORPUS_DIR) -> dict:
    """``labels.yaml`` of ``corpus``: ``groups`` (folder -> language or format) and ``labels``
    (id -> entry)."""
    return yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))


def _rng(label: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(f"{SEED}:{label}".encode()).digest(), "big"))


def _expected(raw: str | list[str] | None) -> tuple[str, ...]:
    """A label's ``expect``: one kind, a list of kinds, or ``none`` (a trap)."""
    kinds = () if raw in (None, "none") else (raw,) if isinstance(raw, str) else tuple(raw or ())
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise ValueError(f"labels.yaml: unknown kind {unknown[0]!r}")
    return kinds


def templates(corpus: Path = CORPUS_DIR) -> Iterator[tuple[str, str]]:
    """Every template of ``corpus`` as (path relative to its ``files/``, text), in path order."""
    folder = corpus / "files"
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8")


def render(corpus: Path = CORPUS_DIR) -> Rendered:
    """``corpus`` with every mark replaced; raises ValueError on a mark without a label, a
    label used twice or never, or a value kind that does not exist."""
    manifest = load_manifest(corpus)
    entries: dict[str, dict] = manifest["labels"]
    files: dict[str, str] = {}
    labels: list[Label] = []
    values: dict[str, str] = {}
    seen: set[str] = set()
    for relative, text in templates(corpus):
        out: list[str] = []
        line, column, last = 1, 1, 0
        for mark in MARK.finditer(text):
            before = text[last:mark.start()]
            out.append(before)
            line, column = _advance(line, column, before)
            label_id = mark["id"]
            if label_id not in entries or label_id in seen:
                raise ValueError(f"{relative}: mark {label_id!r} is unknown or used twice")
            seen.add(label_id)
            entry = entries[label_id]
            if mark["text"] is not None:
                value = mark["text"]
            else:
                value = VALUES[entry["value"]](_rng(label_id))
                values[label_id] = value
            out.append(value)
            start_line, start_column = line, column
            line, column = _advance(line, column, value)
            labels.append(Label(label_id, relative.split("/")[0], relative, start_line, start_column,
                                start_column + len(value), _expected(entry.get("expect")),
                                entry.get("provider", "none"), entry["shape"], entry.get("value", "text"),
                                entry.get("leave", ""), line if line > start_line else 0))
            last = mark.end()
        out.append(text[last:])
        files[relative] = "".join(out)
    unused = sorted(set(entries) - seen)
    if unused:
        raise ValueError(f"labels.yaml: labels with no mark in any file: {unused}")
    return Rendered(files, labels, values, manifest.get("encodings") or {})


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The line and column just after ``text`` written from ``line``, ``column``."""
    breaks = text.count("\n")
    if breaks:
        return line + breaks, len(text) - text.rfind("\n")
    return line, column + len(text)
