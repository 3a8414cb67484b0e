"""A forty-second blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the MOBILE APPS of a payments team (apps
that call Asaas or iugu directly) are recorded by their NETWORK INSPECTORS and debuggers — Flipper's Network plugin
(the `newRequest` message of its client protocol, the body base64), Reactotron's `api.response` command from React
Native's networking plugin, Flutter DevTools' Network view downloaded as HAR, Pulse's "Copy cURL" on iOS and
Proxyman's "Copy cURL" of a phone's call.

Four of the five passed as first written, before the readers were read (Reactotron's command, DevTools' HAR, Pulse's
and Proxyman's cURL). One did not: Flipper's `newRequest` message (four requests judged, the two unsigned reported,
but both signatures invalid: the body, base64 in `data` wrapped at 76 characters, not read as the bytes sent). All
five pass now, by one rule.

Flipper's passes since a body written wholly in base64 is read so also where it is wrapped in lines as an encoder wraps
it — lines of one width, a multiple of 4, the last no longer, each ended by a line break: Android's `Base64.DEFAULT`
and MIME at 76, OpenSSL at 64 (:func:`keyaudit.inputs.captures.record_bodies.body`, by its ``_unwrapped``). Before,
only unbroken base64 (Suricata's ``http_request_body``) was told by its characters, and the wrapped text was taken as
the body itself. Text broken at other places (lines of no one width) is never joined.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import json
import uuid

from helpers.signed_shapes import Request, case


def _run(request: Request) -> str:
    """One id per request, the same each time the request is written (a request or connection id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _android_base64(data: bytes) -> str:
    """android.util.Base64.encodeToString(data, Base64.DEFAULT): lines of 76 characters, each ended by a newline."""
    text = base64.b64encode(data).decode()
    return "".join(text[start:start + 76] + "\n" for start in range(0, len(text), 76))


# --- Flipper: the Network plugin's newRequest message -----------------------------------------------------------------

def flipper_network_new_request(request: Request) -> list[str]:
    # An Android app with Flipper's NetworkFlipperPlugin and its OkHttp interceptor (facebook/flipper android/plugins/
    # network/.../NetworkFlipperPlugin.java reportRequest: {id, timestamp, method, url, headers: [{key, value}], data:
    # the body in android.util.Base64 DEFAULT — wrapped at 76 characters}, sent as `newRequest`), the message as the
    # client protocol carries it to the desktop (fbflipper.com docs, extending/new-clients: {"method": "execute",
    # "params": {"api": <plugin id>, "method": <event>, "params": <payload>}}) and the Flipper Messages view lists it.
    payload = {"id": _run(request)[:16], "timestamp": 1795352430104, "method": request.method, "url": request.url,
               "headers": [{"key": name, "value": value} for name, value in request.headers],
               "data": _android_base64(request.body.encode())}
    message = {"method": "execute", "params": {"api": "Network", "method": "newRequest", "params": payload}}
    return [json.dumps(message, ensure_ascii=False, separators=(",", ":"))]


# --- Reactotron: the api.response command -----------------------------------------------------------------------------

def reactotron_api_response(request: Request) -> list[str]:
    # A React Native app with reactotron-react-native's networking plugin (infinitered/reactotron lib/reactotron-react-
    # native/src/plugins/networking.ts: from XHRInterceptor, request {url, method, data: the text sent, headers: the
    # XHR's `_headers`, names in lower case as React Native's XMLHttpRequest.setRequestHeader keeps them, params}) and
    # reactotron-core-client's api-response plugin (`send("api.response", {request, response, duration}, important)`),
    # the command as the client writes it to Reactotron's websocket ({type, payload, important, date, deltaTime}).
    headers = {name.lower(): value for name, value in request.headers}
    payload = {"request": {"url": request.url, "method": request.method, "data": request.body, "headers": headers,
                           "params": None},
               "response": {"body": '{"id":"a5b0c6d1","status":"processing"}', "status": 200,
                            "headers": {"content-type": "application/json"}},
               "duration": 412}
    command = {"type": "api.response", "payload": payload, "important": False, "date": "2026-11-22T13:00:30.104Z",
               "deltaTime": 412}
    return [json.dumps(command, ensure_ascii=False, separators=(",", ":"))]


# --- Flutter DevTools: the Network view downloaded as HAR -------------------------------------------------------------

def flutter_devtools_har(request: Request) -> list[str]:
    # A Flutter app's calls in DevTools' Network view, downloaded as HAR (flutter/devtools packages/devtools_app/lib/
    # src/screens/network/har_builder.dart buildHar: one entry a request, request {method, url, httpVersion, cookies,
    # headers [{name, value}] — dart:io's, names in lower case, with the accept-encoding, content-length and host
    # HttpClient adds —, queryString, postData {mimeType, text: the request body}, headersSize, bodySize}, and the
    # custom fields _isolateId, _id, _startTime, _events), one JSON text; here one download per request.
    headers = [{"name": name.lower(), "value": value} for name, value in request.headers]
    headers += [{"name": "accept-encoding", "value": "gzip"},
                {"name": "content-length", "value": request.content_length}, {"name": "host", "value": request.host}]
    entry = {"startedDateTime": "2026-11-22T13:00:30.104Z", "time": 412,
             "request": {"method": request.method, "url": request.url, "httpVersion": "HTTP/1.1", "cookies": [],
                         "headers": headers, "queryString": [],
                         "postData": {"mimeType": "application/json", "text": request.body},
                         "headersSize": -1, "bodySize": len(request.body.encode())},
             "response": {"status": 200, "statusText": "", "httpVersion": "HTTP/1.1", "cookies": [],
                          "headers": [{"name": "content-type", "value": "application/json"}],
                          "content": {"size": 39, "mimeType": "application/json",
                                      "text": '{"id":"a5b0c6d1","status":"processing"}'},
                          "redirectURL": "", "headersSize": -1, "bodySize": 39},
             "cache": {}, "timings": {"blocked": -1, "dns": -1, "connect": -1, "send": 1, "wait": 412, "receive": 1,
                                      "ssl": -1},
             "connection": "402881", "comment": "", "_isolateId": "", "_id": _run(request)[:8],
             "_startTime": 1795352430104000, "_events": []}
    har = {"log": {"version": "1.2", "creator": {"name": "devtools", "creatorVersion": "2.40.2"}, "entries": [entry]}}
    return [json.dumps(har, ensure_ascii=False)]


# --- Pulse (iOS): Copy cURL -------------------------------------------------------------------------------------------

def pulse_copy_curl(request: Request) -> list[str]:
    # An iOS app logging its URLSession calls with Pulse (kean/Pulse, the console's "Copy cURL" of a request:
    # cURLDescription() — `curl -v`, `-X <method>`, one `-H "<name>: <value>"` a header with `"` escaped,
    # `-d "<body>"` with `\"` and `"` escaped, the URL in double quotes, joined by " \\\n\t"), pasted into notes.
    escaped = request.body.replace('\\"', '\\\\"').replace('"', '\\"')
    parts = ["curl -v", f"-X {request.method}"]
    parts += ['-H "%s: %s"' % (name, value.replace('"', '\\"')) for name, value in request.headers]
    parts += [f'-d "{escaped}"', f'"{request.url}"']
    return " \\\n\t".join(parts).split("\n")


# --- Proxyman: Copy cURL of a phone's call ----------------------------------------------------------------------------

def proxyman_copy_curl(request: Request) -> list[str]:
    # A phone proxied through Proxyman on the developer's Mac, the call's "Copy cURL" (docs.proxyman.com/basic-features/
    # copy-as: "Generate cURL command, which includes headers, cookies, query, and body"; by default with the
    # `--proxy` flag of Proxyman's HTTP proxy, Preferences > Advanced "Include HTTP Proxy config in cURL"), one
    # option a line, values in single quotes.
    lines = [f"curl '{request.url}' \\", f"-X {request.method} \\"]
    lines += [f"-H '{name}: {value}' \\" for name, value in request.headers]
    lines += ["--proxy http://localhost:9090 \\"]
    return lines + f"-d '{request.body}'".split("\n")


SHAPES = [case(flipper_network_new_request, "flipper-messages.json"), case(reactotron_api_response, "reactotron.log"),
          case(flutter_devtools_har, "devtools_network.har"), case(pulse_copy_curl, "pulse-curl.txt"),
          case(proxyman_copy_curl, "proxyman-curl.sh")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
