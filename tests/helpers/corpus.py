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

import hashlib
import random
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

import yaml

from helpers import containers, serialisations
from helpers.corpus_values import VALUES
from helpers.data import DATA

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
# tshark fields, mitmdump, WildFly, REG_MULTI_SZ, Zuul, ToolJet, Huginn, Baserow, Kubernetes stringData, six languages;
# twenty-first, everyday application code (Spring, .NET DI, NestJS, Django, Rails, pydantic, Go, Swift, Kotlin, PHP,
# Rust), test doubles and snapshots (WebMock, responses, respx, nock, MockWebServer, mountebank, Hoverfly, Jest,
# syrupy), CI and deployment files, IDE configurations, shell histories, notebooks, chats, stack traces, crash dumps;
# twenty-second, where a payments team's keys leak day to day: observability payloads (Sentry events and breadcrumbs,
# Datadog spans, New Relic, OpenTelemetry exports), browsers' copies and stores, API clients (Posting, Yaak, HTTPie),
# database GUIs, queue tools (kcat, Pub/Sub, SNS), serverless state, mobile logs, finance sheets, chats, trackers, OCR;
# twenty-third, delivery and operations: CI systems' raw logs and `set -x` traces, Terraform plans and state, Pulumi and
# CloudFormation output, cluster objects and container runtimes' inspections, shell histories and terminal recordings,
# crash and debugger artefacts, package tools' configuration, secret managers' CLI output, mail and tickets;
# twenty-fourth, data stores, exports and client bundles: SQL dumps and query tools' output (column inserts, E''
# strings, sqlcmd, SQL*Plus, sqlite's line mode, PHP-serialized options), document and wide-column stores
# (mongosh, bsondump, Firestore, RTDB, sstabledump, Neo4j, CouchDB, HBase, Bigtable, Aerospike, Cosmos DB), Redis'
# protocol and CSV, search engines, analytics exports (BigQuery, Parquet, Avro, Athena, Redshift, Kinesis, DuckDB),
# spreadsheets and CRMs, client bundles (runtime env, __NEXT_DATA__, Hermes, asar, Tauri, Angular, Vue, source maps),
# apps' packages (aapt, dexdump, plutil, Capacitor, Flutter web) and browsers' stores (LevelDB, Dexie, sessionstore);
# twenty-fifth, the key in any spelling (its value kinds are in helpers.respellings): byte dumps (hexdump -C, od -c and
# -t x1z, Format-Hex, certutil -encodehex, tcpdump -X, xxd -i of a whole .env), characters one by one (char[], every
# character a \u escape, char codes), literals joined by each language's operator over lines, JSON escaped twice and
# thrice, Gson's \u003d, forms and URLs in URLs, logs fold-ed at 64, 76 and 80 columns, base64 of whole config files
# (76-column lines, cloud-init, Vault, docker inspect), uuencode, JWTs holding a token, nginx's ${dollar}, Helm's printf;
# twenty-sixth, the key in version control, review and other scanners' output (its value kinds are in
# helpers.reviewed): diffs of every tool and option (colour, combined, context, word-diff porcelain, -W hunk headers,
# -U0, renames, range-diff, bzr, hg), blame, grep, stash, cat-file, filter-repo's replacements, review APIs (GitHub,
# GitLab, Gerrit, Bitbucket, Azure DevOps), gitleaks, trufflehog, semgrep, bandit, Talisman and git-secrets reports,
# SARIF, CI annotations, bots' PRs; twenty-seventh, the key in binary serialisations and packed containers (its files'
# bytes are made by helpers.serialisations and helpers.containers): pcap and pcapng captures, protobuf and gRPC frames,
# MessagePack, BSON, Redis' AOF and RDB, Kafka log segments, Java and .NET serialised objects, .pyc, git objects and
# packfiles, PDF streams, ODT and PPTX, bzip2/xz/zstd logs, LevelDB, SQLite WAL, UTF-16LE resources, Hermes bundles;
# twenty-eighth, multi-gateway code and configuration: iugu's and Asaas's credentials beside PagSeguro's, PagHiper's,
# Juno's (its 64-hex tokens), Efí's, Pagar.me's, Mercado Pago's, Cielo's and Vindi's in the same files;
# twenty-ninth, audit trails and change requests (Vault's audit log with its HMACs, Kubernetes audit events, JSON and
# merge patches, Kustomize's JSON 6902 patches, Terraform plans, CloudTrail), keys code decodes at run time (atob,
# Buffer.from, Convert.FromBase64String, hex.DecodeString, HexFormat, bytes.fromhex, rot13), System.Text.Json's
# \u002B, data: URIs, JetBrains' HTTP client environments, and digests named for the secrets they hash
# (its value kinds are in helpers.decoded).
CORPORA = {"first": CORPUS_DIR, **{name: DATA / f"credential_corpus_{number}" for number, name in enumerate(
    ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
     "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
     "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth"), start=2)}}
SEED = "keyaudit-credential-corpus-1"  # change it to draw every value anew
MARK = re.compile(r"⟦(?P<id>[a-z0-9][a-z0-9.-]*)(?:\|(?P<text>[^⟦⟧\n]*))?⟧")
KINDS = ("credential", "plaintext-http", "environment-mismatch")  # what the labels measure
PACKERS = {**serialisations.PACKERS, **containers.PACKERS}  # labels.yaml's `packed`: path -> how its bytes are made
# characters str.splitlines() breaks at that are no line to a scanner counting newline bytes
_NOT_LINES = str.maketrans({character: "." for character in "\r\x0b\x0c\x1c\x1d\x1e\x85"})


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
    packed: dict[str, bytes] = field(default_factory=dict)  # path -> the bytes its packer made of the text

    def write(self, folder: Path) -> None:
        """Write every rendered file under ``folder`` (created as needed), in UTF-8 or the
        codec ``labels.yaml``'s ``encodings`` gives it (a Windows tool's UTF-16LE log), or the
        bytes its packer made (a capture, a serialisation, a compressed log)."""
        for relative, text in self.files.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if relative in self.packed:
                target.write_bytes(self.packed[relative])
            else:
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
    packed: dict[str, bytes] = {}
    seen: set[str] = set()
    for relative, text in templates(corpus):
        first = len(labels)
        written: list[str] = []  # each label's value as written, literal ones too
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
            written.append(value)
            start_line, start_column = line, column
            line, column = _advance(line, column, value)
            labels.append(Label(label_id, relative.split("/")[0], relative, start_line, start_column,
                                start_column + len(value), _expected(entry.get("expect")),
                                entry.get("provider", "none"), entry["shape"], entry.get("value", "text"),
                                entry.get("leave", ""), line if line > start_line else 0))
            last = mark.end()
        out.append(text[last:])
        files[relative] = "".join(out)
        packer = (manifest.get("packed") or {}).get(relative)
        if packer:
            packed[relative] = PACKERS[packer](files[relative])
            files[relative], labels[first:] = _placed(packed[relative], files[relative], labels[first:], written)
    unused = sorted(set(entries) - seen)
    if unused:
        raise ValueError(f"labels.yaml: labels with no mark in any file: {unused}")
    return Rendered(files, labels, values, manifest.get("encodings") or {}, packed)


def _placed(data: bytes, text: str, labels: list[Label], written: list[str]) -> tuple[str, list[Label]]:
    """A packed file's view and its labels: where every value stands as it is in the bytes (a capture, a
    serialisation's string), the bytes read as Latin-1 and each label at its line there (newline bytes counted);
    where one does not (compressed), the text the packer was given, the layer a reader decodes. A value the bytes
    hold as UTF-16LE stands where its first byte is, as a scan of a binary file's strings places it."""
    view = data.decode("latin-1").translate(_NOT_LINES)
    places, start = [], 0
    for value in written:
        at = view.find(value, start)
        at = view.find(value) if at < 0 else at
        if at < 0:  # written narrow where it starts, as the scan's view of a binary file's strings has it
            at = view.find(value.encode("utf-16-le").decode("latin-1"))
            if at >= 0:
                view = view[:at] + value + " " * len(value) + view[at + 2 * len(value) :]
        if at < 0 or "\n" in value:
            return text, labels
        places.append(at)
        start = at + len(value)
    moved = []
    for label, at, value in zip(labels, places, written):
        column = at - view.rfind("\n", 0, at)
        moved.append(replace(label, line=view.count("\n", 0, at) + 1, start=column, end=column + len(value),
                             end_line=0))
    return view, moved


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The line and column just after ``text`` written from ``line``, ``column``."""
    breaks = text.count("\n")
    if breaks:
        return line + breaks, len(text) - text.rfind("\n")
    return line, column + len(text)
