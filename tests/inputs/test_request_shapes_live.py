"""A corpus no one wrote by hand: the four money-out requests of :mod:`helpers.signed_shapes` SENT by the HTTP
clients installed on the machine, each with its own debug output turned on, and that output read back.

Every other corpus renders the requests as a writer's documentation or source says it writes them; this one asks the
writers themselves, in the versions installed — curl's ``-v``, ``--trace-ascii`` and ``--trace``, and the C program
its ``--libcurl`` writes, wget's ``-d``, Python's ``http.client`` at debug level under requests and urllib3's
logging and the attributes of the request requests sent (``print(vars(response.request))``), the JDK's
``java.net.http.HttpClient`` with its ``jdk.httpclient.HttpClient.log`` property and its ``HttpURLConnection`` with
its logger at FINE and its TLS debugging (``javax.net.debug``), Node's ``console.log`` of the ``ClientRequest`` it
sent and of a ``fetch``'s ``Request`` — so a format that drifted from its documentation, or a detail the
documentation leaves out, shows here. (Node's object found nothing when first added: util.inspect cuts its
``_header`` into ``'…' +`` pieces. curl's C program is read as code, in the source file --libcurl is given.) The
requests go by plain HTTP to a real server on loopback, named as the clients' proxy (``http_proxy``,
``-Dhttp.proxyHost``): each client writes the provider's URL and ``Host`` as it would on the way to the provider,
and nothing leaves the machine. Plain HTTP is what lets a proxy take them, so each request is also a plaintext
finding — but for the JDK's TLS debugging, which shows what it sends only inside TLS: its requests go by HTTPS to a
loopback server that the provider's name is given to as the ``Host``. A client that is not installed is skipped (it
says so), not passed.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import pytest

from helpers.fake_providers import certificates
from helpers.secrecy import scrub
from helpers.signed_shapes import LOG, Request, check_shape

Client = Callable[[Request, str, Path], str]  # a request, the proxy's URL, a folder -> what the client printed
TIMEOUT = 60


class _Answer(http.server.BaseHTTPRequestHandler):
    """Takes any request a proxy is given (its target an absolute URL) and answers it as the provider would."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"id":"t1","status":"pending"}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet: the server's own log is not under test."""


@pytest.fixture(scope="module")
def proxy() -> Iterator[str]:
    """A real HTTP server on loopback, given to the clients as their proxy; its URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _url(request: Request) -> str:
    return f"http://{request.host}{request.path}"


def _run(command: list[str], folder: Path, proxy: str, merged: bool = False) -> str:
    """What ``command`` printed (standard error, or both streams where ``merged``), run with ``proxy`` as its
    HTTP proxy; a client that failed fails the test with what it said."""
    env = {**os.environ, "http_proxy": proxy, "HTTP_PROXY": proxy, "no_proxy": "", "NO_PROXY": "",
           "PYTHONUNBUFFERED": "1"}  # (both streams in the order written, as `2>&1` keeps them)
    done = subprocess.run(command, cwd=folder, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT if merged else subprocess.PIPE, timeout=TIMEOUT, check=False)
    said = (done.stdout if merged else done.stderr).decode("utf-8", "replace")
    assert done.returncode == 0, scrub(said[-2000:])  # (its headers hold the credentials)
    return said


def _curl(name: str, options: list[str]) -> Client:
    """curl with ``options``, the body given as a file (``--data-binary @file``: the bytes as they are)."""
    def client(request: Request, proxy: str, folder: Path) -> str:
        (folder / "body.json").write_bytes(request.body.encode())
        headers = [part for header, value in request.headers for part in ("-H", f"{header}: {value}")]
        return _run(["curl", "-sS", "-o", os.devnull, *options, "-X", request.method, *headers,
                     "--data-binary", "@body.json", _url(request)], folder, proxy, merged=True)
    client.__name__ = name
    return client


def wget_debug(request: Request, proxy: str, folder: Path) -> str:
    # wget -d: `---request begin---`, the head as sent (a proxy's absolute URL), `---request end---`, then
    # `[BODY data: …]` holding the body as given, its line breaks too (a body given as a file is not shown)
    headers = [f"--header={name}: {value}" for name, value in request.headers]
    return _run(["wget", "-d", "-O", os.devnull, f"--method={request.method}", *headers,
                 f"--body-data={request.body}", _url(request)], folder, proxy)


_PYTHON_REQUESTS = """
import http.client, logging, sys
logging.basicConfig(level=logging.DEBUG)
http.client.HTTPConnection.debuglevel = 1
import requests
method, url, body = sys.argv[1], sys.argv[2], open(sys.argv[3], "rb").read()
headers = dict(pair.split(": ", 1) for pair in sys.argv[4:])
requests.request(method, url, headers=headers, data=body, timeout=30)
"""


def python_requests_debug(request: Request, proxy: str, folder: Path) -> str:
    # requests with http.client's debuglevel 1 and logging at DEBUG (requests' documented way to see what it
    # sends): urllib3's `Starting new HTTP connection`, http.client's `send: b'…'` (the head, then the body) on
    # standard output, urllib3's `"POST http://… HTTP/1.1" 201 30` after it
    pytest.importorskip("requests")
    (folder / "body.json").write_bytes(request.body.encode())
    return _run([sys.executable, "-c", _PYTHON_REQUESTS, request.method, _url(request), "body.json",
                 *[f"{name}: {value}" for name, value in request.headers]], folder, proxy, merged=True)


_PYTHON_PREPARED = """
import sys
import requests
method, url, body = sys.argv[1], sys.argv[2], open(sys.argv[3], "rb").read()
headers = dict(pair.split(": ", 1) for pair in sys.argv[4:])
print(vars(requests.request(method, url, headers=headers, data=body, timeout=30).request))
"""


def python_prepared_request_vars(request: Request, proxy: str, folder: Path) -> str:
    # `print(vars(response.request))` (or `.__dict__`), the usual way to see what requests sent: the
    # PreparedRequest's attributes as a dict's repr, its headers with requests' own, the body a bytes literal,
    # the cookie jar an object's `<RequestsCookieJar[]>`
    pytest.importorskip("requests")
    (folder / "body.json").write_bytes(request.body.encode())
    return _run([sys.executable, "-c", _PYTHON_PREPARED, request.method, _url(request), "body.json",
                 *[f"{name}: {value}" for name, value in request.headers]], folder, proxy, merged=True)


_JAVA_CLIENT = """
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;

public class Send {
    public static void main(String[] args) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(args[1]))
            .method(args[0], HttpRequest.BodyPublishers.ofFile(Path.of(args[2])));
        for (int i = 3; i + 1 < args.length; i += 2) builder.header(args[i], args[i + 1]);
        HttpClient.newBuilder().proxy(java.net.ProxySelector.getDefault()).build()
            .send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
"""


def java_http_client_log(request: Request, proxy: str, folder: Path) -> str:
    # the JDK's HttpClient with -Djdk.httpclient.HttpClient.log=all (java.net.http's module documentation):
    # java.util.logging's two-line records on standard error, `REQUEST: <url> POST` and the headers it sends
    (folder / "body.json").write_bytes(request.body.encode())
    (folder / "Send.java").write_text(_JAVA_CLIENT)
    host, port = proxy.removeprefix("http://").split(":")
    headers = [part for name, value in request.headers for part in (name, value)]
    return _run(["java", "-Djdk.httpclient.HttpClient.log=all", f"-Dhttp.proxyHost={host}",
                 f"-Dhttp.proxyPort={port}", "-Djdk.httpclient.allowRestrictedHeaders=host", "Send.java",
                 request.method, _url(request), "body.json", *headers], folder, proxy)


_NODE_CLIENT = """
const http = require('http');
const fs = require('fs');
const [method, url, bodyFile, ...pairs] = process.argv.slice(2);
const proxy = new URL(process.env.http_proxy);
const headers = {Host: new URL(url).host};
for (let i = 0; i + 1 < pairs.length; i += 2) headers[pairs[i]] = pairs[i + 1];
const body = fs.readFileSync(bodyFile);
headers['Content-Length'] = body.length;
const req = http.request({host: proxy.hostname, port: proxy.port, method, path: url, headers}, (res) => {
  res.resume();
  console.log(res.req);
});
req.end(body);
"""


def node_client_request_inspected(request: Request, proxy: str, folder: Path) -> str:
    # Node's `console.log(res.req)` of an answered `http.ClientRequest` (what `console.log(error.request)` in an
    # axios or got error handler prints): util.inspect's object, the head as sent in `_header`, a long string cut
    # at its line breaks into quoted pieces joined by `+`; the body is not shown
    (folder / "body.json").write_bytes(request.body.encode())
    (folder / "send.js").write_text(_NODE_CLIENT)
    pairs = [part for name, value in request.headers for part in (name, value)]
    return _run(["node", "send.js", request.method, _url(request), "body.json", *pairs], folder, proxy, merged=True)


_NODE_FETCH_REQUEST = """
const fs = require('fs');
const [method, url, bodyFile, ...pairs] = process.argv.slice(2);
const headers = {};
for (let i = 0; i + 1 < pairs.length; i += 2) headers[pairs[i]] = pairs[i + 1];
console.log(new Request(url, {method, headers, body: fs.readFileSync(bodyFile, 'utf8')}));
"""


def node_fetch_request_inspected(request: Request, proxy: str, folder: Path) -> str:
    # Node's `console.log(request)` of the `Request` a `fetch` is given (undici's, Node 18 on): `Request {
    # method: 'POST', url: '…', headers: Headers { Name: 'value', … }, … }`, the body not shown. It is logged, not
    # sent: Node's fetch takes no proxy from the environment, and the request would leave the machine
    (folder / "body.json").write_bytes(request.body.encode())
    (folder / "request.js").write_text(_NODE_FETCH_REQUEST)
    pairs = [part for name, value in request.headers for part in (name, value)]
    return _run(["node", "request.js", request.method, _url(request), "body.json", *pairs], folder, proxy,
                merged=True)


_JAVA_URL_CONNECTION = """
import java.io.OutputStream;
import java.net.*;
import java.nio.file.*;

public class Post {
    public static void main(String[] args) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(args[1]).openConnection();
        connection.setRequestMethod(args[0]);
        connection.setDoOutput(true);
        for (int i = 3; i + 1 < args.length; i += 2) connection.setRequestProperty(args[i], args[i + 1]);
        try (OutputStream out = connection.getOutputStream()) { out.write(Files.readAllBytes(Path.of(args[2]))); }
        connection.getResponseCode();
    }
}
"""
_JUL_FINE = """handlers=java.util.logging.ConsoleHandler
java.util.logging.ConsoleHandler.level=ALL
sun.net.www.protocol.http.HttpURLConnection.level=ALL
"""


def java_url_connection_log(request: Request, proxy: str, folder: Path) -> str:
    # the JDK's HttpURLConnection with its logger `sun.net.www.protocol.http.HttpURLConnection` at FINE through
    # java.util.logging's console handler: `FINE: sun.net.www.MessageHeader@… pairs: {POST <url> HTTP/1.1:
    # null}{Name: value}…` on one line, the response's pairs on another; the body is never shown
    (folder / "body.json").write_bytes(request.body.encode())
    (folder / "Post.java").write_text(_JAVA_URL_CONNECTION)
    (folder / "logging.properties").write_text(_JUL_FINE)
    host, port = proxy.removeprefix("http://").split(":")
    headers = [part for name, value in request.headers for part in (name, value)]
    return _run(["java", "-Djava.util.logging.config.file=logging.properties", f"-Dhttp.proxyHost={host}",
                 f"-Dhttp.proxyPort={port}", "Post.java", request.method, _url(request), "body.json", *headers],
                folder, proxy)


_JAVA_TLS_CLIENT = """
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.security.cert.X509Certificate;
import javax.net.ssl.*;

public class Tls {
    public static void main(String[] args) throws Exception {
        TrustManager[] trustAll = {new X509TrustManager() {  // the loopback server's certificate is the test's own
            public void checkClientTrusted(X509Certificate[] chain, String type) {}
            public void checkServerTrusted(X509Certificate[] chain, String type) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }};
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustAll, null);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(args[1]))
            .method(args[0], HttpRequest.BodyPublishers.ofFile(Path.of(args[2])));
        for (int i = 3; i + 1 < args.length; i += 2) builder.header(args[i], args[i + 1]);
        HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build()
            .send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
"""


@contextlib.contextmanager
def _tls_origin() -> Iterator[int]:
    """A real HTTPS server on loopback (a certificate made for the test): its port."""
    _, certificate, key = certificates(("localhost",))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "cert.pem").write_bytes(certificate + key)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(Path(folder) / "cert.pem")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def java_tls_plaintext_debug(request: Request, proxy: str, folder: Path) -> str:
    # the JDK's TLS debugging, `-Djavax.net.debug=ssl:record:plaintext` (JSSE's reference guide): each record's
    # `Plaintext before ENCRYPTION (` as a hex dump of 16 bytes a row with their text, the request's head and body
    # in one TLS 1.3 record followed by its inner content type and padding. Sent over HTTPS to a loopback server
    # with the provider's name as its Host (a header the JDK lets a client set only where it is told it may)
    (folder / "body.json").write_bytes(request.body.encode())
    (folder / "Tls.java").write_text(_JAVA_TLS_CLIENT)
    headers = [part for name, value in [("Host", request.host), *request.headers] for part in (name, value)]
    with _tls_origin() as port:
        return _run(["java", "-Djavax.net.debug=ssl:record:plaintext", "-Djdk.httpclient.allowRestrictedHeaders=host",
                     "-Djdk.internal.httpclient.disableHostnameVerification=true", "Tls.java", request.method,
                     f"https://127.0.0.1:{port}{request.path}", "body.json", *headers], folder, proxy, merged=True)


def curl_libcurl(request: Request, proxy: str, folder: Path) -> str:
    # curl's `--libcurl FILE`: the C program libcurl would need to send the same request — the headers as
    # `curl_slist_append(slist1, "Name: value")`, the URL and body as `curl_easy_setopt(hnd, CURLOPT_URL, "…")`
    # and `CURLOPT_POSTFIELDS` C string literals (quotes and line breaks escaped), the method as CUSTOMREQUEST
    _curl("curl", ["--libcurl", "sent.c"])(request, proxy, folder)
    return (folder / "sent.c").read_text()


curl_verbose = _curl("curl_verbose", ["-v"])  # `> ` before each line of the head sent; the body is never shown
curl_trace_ascii = _curl("curl_trace_ascii", ["--trace-ascii", "-"])
curl_trace = _curl("curl_trace", ["--trace", "-"])



class Live(NamedTuple):
    """A client of the corpus: the program it needs; whether what it prints shows the body (--trace-ascii writes
    a body's line feeds as dots, which any byte not printable is, so a body holding one is not shown as sent); the
    file what it printed is kept in (the C program --libcurl writes is a source file, read as code); whether its
    requests went over plain HTTP (all but the one sent over TLS)."""

    client: Client
    program: str
    body_shown: bool
    name: str = LOG
    plaintext: bool = True


CLIENTS = [Live(curl_verbose, "curl", False), Live(curl_trace_ascii, "curl", False), Live(curl_trace, "curl", True),
           Live(wget_debug, "wget", True), Live(python_requests_debug, sys.executable, True),
           Live(java_http_client_log, "java", False), Live(node_client_request_inspected, "node", False),
           Live(java_url_connection_log, "java", False), Live(curl_libcurl, "curl", True, "transfer.c"),
           Live(python_prepared_request_vars, sys.executable, True), Live(node_fetch_request_inspected, "node", False),
           Live(java_tls_plaintext_debug, "java", True, plaintext=False)]


@pytest.mark.parametrize("live", CLIENTS, ids=[live.client.__name__ for live in CLIENTS])
def test_what_an_installed_client_prints_of_its_requests_gives_the_same_findings(
        live: Live, proxy: str, tmp_path: Path) -> None:
    if shutil.which(live.program) is None:
        pytest.skip(f"{live.program} is not installed")
    work = tmp_path / "client"
    work.mkdir()

    def shape(request: Request) -> list[str]:
        return live.client(request, proxy, work).splitlines()

    shape.__name__ = live.client.__name__
    check_shape(shape, tmp_path, live.name, body_shown=live.body_shown, plaintext=live.plaintext)
