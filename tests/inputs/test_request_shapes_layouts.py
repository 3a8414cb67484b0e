"""A corpus of log layouts: the four money-out requests of :mod:`helpers.signed_shapes` written
as a wire dump (request line, headers, blank line, body) that a program logs one line a record,
through the default or documented layout of a common logger — each record's prefix (a time, a
level, a logger, a thread) before each line, or each line a JSON record's message — and as one
record whose message holds the whole dump, its later lines bare and the logger's suffix after its
last (PHP's Monolog as Laravel configures it). A layout is the general case of every dump a
logger writes: the readers learn the prefix from the request line, never a list of layouts. The
checks are those every corpus passes (:mod:`test_request_shape_corpora`).
"""

from __future__ import annotations

import json
from typing import Callable

from helpers.signed_shapes import Request, case


def _dump(request: Request) -> list[str]:
    """The request as a client's dump shows it: HTTP/1.1, Host first, the body's own line feeds."""
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]
    return [*head, "", *request.body.split("\n")]


def _each_line(name: str, prefix: Callable[[int], str]) -> Callable[[Request], list[str]]:
    """The shape that writes each line of the dump after ``prefix`` (given the line's number, a
    time's digits), named as the test's id."""
    def shape(request: Request) -> list[str]:
        return [prefix(n) + line for n, line in enumerate(_dump(request))]

    shape.__name__ = name
    return shape


# The prefix each logger's layout writes before each line of a message.
PREFIXES: dict[str, Callable[[int], str]] = {
    # An ISO-8601 time and a level before the message, as logback's `%d{ISO8601} %level %msg` and
    # most Go loggers' console output write it: a syslog line has a host in that place, a log line
    # a level (`DEBUG Host: api.iugu.com` is no message of the program `Host`).
    "go_log_iso_level": lambda n: f"2026-11-22T13:00:00.{n:03d}Z DEBUG ",
    # Spring Boot 3's console pattern (docs.spring.io/spring-boot/reference/features/logging.html,
    # "Log Format": date and time, level, process id, `---`, the application name and thread in
    # brackets, the logger name padded, `:`, the message).
    "spring_boot_3": lambda n: f"2026-11-22T13:00:00.{n:03d}Z DEBUG 4242 --- [payouts] [nio-8080-exec-1] "
                               "c.a.p.HttpLog                            : ",
    # Ruby's Logger::Formatter (ruby-doc.org/3.3/stdlibs/logger/Logger/Formatter.html):
    # `%s, [%s #%d] %5s -- %s: %s` — the level's letter, the time, the pid, the level, the program.
    "ruby_logger": lambda n: f"D, [2026-11-22T13:00:00.{n:06d} #4242] DEBUG -- : ",
    # Python's logging.basicConfig() default format (docs.python.org/3/library/logging.html,
    # BASIC_FORMAT): `%(levelname)s:%(name)s:%(message)s` — no blank before the message.
    "python_basic_config": lambda n: "DEBUG:payouts.http:",
    # The logging HOWTO's format (docs.python.org/3/howto/logging.html, "Formatters"):
    # `%(asctime)s - %(name)s - %(levelname)s - %(message)s`.
    "python_asctime": lambda n: f"2026-11-22 13:00:00,{n:03d} - payouts.http - DEBUG - ",
    # Go's log package with LstdFlags | Lmicroseconds | Lshortfile (pkg.go.dev/log#pkg-constants).
    "go_standard_log": lambda n: f"2026/11/22 13:00:00.{n:06d} client.go:88: ",
    # klog's header (github.com/kubernetes/klog, klog.go: `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`).
    "klog": lambda n: f"I1122 13:00:00.{n:06d}    4242 round_trippers.go:466] ",
    # zap's development console encoder (pkg.go.dev/go.uber.org/zap#NewDevelopmentConfig): time,
    # level, caller and message separated by tabs.
    "zap_console": lambda n: f"2026-11-22T13:00:00.{n:03d}Z\tDEBUG\tpayouts/client.go:88\t",
    # A Log4j 2 PatternLayout (logging.apache.org/log4j/2.x/manual/pattern-layout.html):
    # `%d %p [%t] %c{1.} (%F:%L) - %m%n`.
    "log4j2_pattern": lambda n: f"2026-11-22 13:00:00,{n:03d} DEBUG [main] c.a.p.Http (Http.java:88) - ",
    # Serilog.Sinks.Console's default template (github.com/serilog/serilog-sinks-console):
    # `[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}`.
    "serilog_console": lambda n: "[13:00:00 DBG] ",
    # NLog's default layout (github.com/NLog/NLog/wiki/Layouts):
    # `${longdate}|${level:uppercase=true}|${logger}|${message}`.
    "nlog_default": lambda n: f"2026-11-22 13:00:00.{n:04d}|DEBUG|Payouts.Http|",
    # Elixir's Logger console format (hexdocs.pm/logger/Logger.Formatter.html): `$time $metadata[$level] $message`.
    "elixir_logger": lambda n: f"13:00:00.{n:03d} [debug] ",
}


def logrus_text_lines(request: Request) -> list[str]:
    # logrus's TextFormatter without a TTY (github.com/sirupsen/logrus, text_formatter.go): logfmt,
    # `time="…" level=debug msg="…"`, the message quoted with Go's escapes.
    return [f'time="2026-11-22T13:00:00Z" level=debug msg={json.dumps(line)}' for line in _dump(request)]


def structlog_json(request: Request) -> list[str]:
    # structlog's JSONRenderer (www.structlog.org/en/stable/api.html#structlog.processors.JSONRenderer,
    # the "Logging Best Practices" chapter's production set-up): the message is the `event` key.
    return [json.dumps({"event": line, "level": "debug", "timestamp": f"2026-11-22T13:00:00.{n:06d}Z"})
            for n, line in enumerate(_dump(request))]


def cloud_logging_json_payload(request: Request) -> list[str]:
    # A Cloud Logging LogEntry as `gcloud logging read --format=json` exports it, one a line
    # (cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry): a structured line written to
    # stdout becomes `jsonPayload`, its `message` the entry's text.
    return [json.dumps({"insertId": f"1x{n:04d}", "jsonPayload": {"message": line, "logger": "payouts.http"},
                        "severity": "DEBUG", "timestamp": f"2026-11-22T13:00:00.{n:06d}Z",
                        "resource": {"type": "k8s_container", "labels": {"container_name": "payouts"}}})
            for n, line in enumerate(_dump(request))]


def laravel_message(request: Request) -> list[str]:
    # Laravel's single-file log (laravel.com/docs/logging): Monolog's LineFormatter,
    # `[%datetime%] %channel%.%level_name%: %message% %context% %extra%`, with inline line breaks
    # allowed and empty context and extra left out: a dump logged as one message keeps its line
    # breaks, and the blanks before where they would be stay after its last line.
    lines = _dump(request)
    return ["[2026-11-22 13:00:00] local.DEBUG: " + lines[0], *lines[1:-1], lines[-1] + "  "]


def monolog_message(request: Request) -> list[str]:
    # Monolog's LineFormatter with inline line breaks and its context and extra written
    # (github.com/Seldaek/monolog, doc/01-usage.md): the message, then the context as JSON and `[]`.
    lines = _dump(request)
    return ["[2026-11-22T13:00:00.123456+00:00] http.DEBUG: " + lines[0], *lines[1:-1],
            lines[-1] + ' {"provider":"' + request.host.split(".")[1] + '"} []']


SHAPES = [case(_each_line(name, prefix)) for name, prefix in PREFIXES.items()] + [case(shape) for shape in (
    logrus_text_lines, structlog_json, cloud_logging_json_payload, laravel_message, monolog_message)]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
