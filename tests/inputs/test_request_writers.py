"""Requests sent at once by several threads, tasks or transfers, whose log lines interleave, are
each read from the lines of the writer that logged them — and a line of one is never another's."""

from __future__ import annotations

from pathlib import Path

from helpers.running import scan_json
from helpers.signing import key_pair, signature_header

from keyaudit.inputs.captures.threads import writer
from keyaudit.inputs.text_requests import exchanges_in_lines

IUGU = "https://api.iugu.com/v1/transfer_requests"
TIME = "2026-11-22T10:00:00-03:00"
BODY = '{\n"api_token":"5f2d1c0b9a8e7d6c5b4a39281f0e6d5c",\n"amount_cents":1050\n}'
OTHER_BODY = '{\n"api_token":"5f2d1c0b9a8e7d6c5b4a39281f0e6d5c",\n"amount_cents":99\n}'


def read(lines: list[str]) -> list[tuple[int, list[str], bytes | None]]:
    """(first line, header names, body) of each request read in ``lines``, in line order."""
    found = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    return sorted((e.origin.line, [name for name, _ in e.headers], e.body) for e in found)


def okhttp(tid: int, extra: list[str], body: str) -> list[str]:
    """OkHttp's HttpLoggingInterceptor on logcat (threadtime), one call's lines on thread ``tid``."""
    lines = [f"--> POST {IUGU}", "Content-Type: application/json", *extra, "", *body.split("\n"),
             f"--> END POST ({len(body)}-byte body)"]
    return [f"11-22 13:00:00.{n:03d}  4242  {tid} I okhttp.OkHttpClient: {line}" for n, line in enumerate(lines)]


def alternate(*calls: list[str]) -> list[str]:
    """The calls' lines one of each in turn, as threads writing at once leave them."""
    out: list[str] = []
    for row in range(max(map(len, calls))):
        out += [call[row] for call in calls if row < len(call)]
    return out


def test_each_threads_lines_make_its_own_request() -> None:
    """Two calls' lines alternating, each tagged by its TID: each request has its own headers and
    body, and begins on its own first line."""
    lines = alternate(okhttp(4311, [], BODY), okhttp(4312, ["Signature: signature=c2ln"], OTHER_BODY))
    assert read(lines) == [(1, ["Content-Type"], BODY.encode()),
                           (2, ["Content-Type", "Signature"], OTHER_BODY.encode())]


def test_a_message_logged_from_another_thread_stays_with_the_one_open_request() -> None:
    """An async client logs one request's messages from two threads (Ktor's head on one worker,
    its body on another that began nothing): the body is still that request's."""
    head = "13:00:00.123 [DefaultDispatcher-worker-1] INFO  payouts.http - "
    body = "13:00:00.130 [DefaultDispatcher-worker-3] INFO  payouts.http - "
    lines = [f"{head}--> POST {IUGU}", f"{head}Content-Type: application/json", f"{head}",
             *(body + line for line in BODY.split("\n")), f"{body}--> END POST ({len(BODY)}-byte body)"]
    assert read(lines) == [(1, ["Content-Type"], BODY.encode())]


def test_a_line_of_a_thread_whose_request_ended_does_not_end_another_threads_request() -> None:
    """A thread's response line comes while another thread's request is still being read: it is
    its own thread's line, and the other request keeps its body."""
    first, second = okhttp(4311, [], BODY), okhttp(4312, [], OTHER_BODY)
    lines = [*first, second[0], second[1], "11-22 13:00:01.000  4242  4311 I okhttp.OkHttpClient: <-- 201 "
             f"{IUGU} (182ms)", *second[2:]]
    assert read(lines) == [(1, ["Content-Type"], BODY.encode()),
                           (len(first) + 1, ["Content-Type"], OTHER_BODY.encode())]


def test_a_writer_is_a_thread_task_or_transfer_named_in_the_line_prefix_only() -> None:
    assert writer("11-22 13:00:00.001  4242  4311 I okhttp.OkHttpClient: --> POST x") == "4242  4311"
    assert writer("2026-11-22 13:00:00.001 [pool-1-thread-2] DEBUG x - y") == "pool-1-thread-2"
    assert writer("2026-11-22 13:00:00,001 Task-3 DEBUG payouts.http: request start") == "Task-3"
    assert writer("[3-0] => Send header, 12 bytes (0xc)") == "3"
    assert writer("2026-11-22 13:00:00 [main] INFO x - Content-Type: application/json; charset=utf-8") is None
    assert writer(" " * 200 + "[pool-1-thread-2]") is None  # past the prefix: a message's text
    # Spring Boot's `[%15.15t]`: padded on the left, cut to the name's last 15 characters
    spring = "2026-11-22T13:00:10.122Z  INFO 1 --- [payouts] [         task-1] okhttp3.OkHttpClient : x"
    assert writer(spring) == "task-1"
    assert writer("2026-11-22T13:00:10.122Z  INFO 1 --- [io-8080-exec-10] c.e.Client : x") == "io-8080-exec-10"
    assert writer("2026-11-22 13:00:00.001 DEBUG 1 --- [ntainer#0-0-C-1] c.e.Listener : x") == "ntainer#0-0-C-1"
    assert writer("[2026-11-22] [   2026-11-22] local.INFO: x") is None  # a date is no thread


def spring_okhttp(thread: str, headers: list[str], body: str) -> list[str]:
    """OkHttp's HttpLoggingInterceptor through Spring Boot 3's console pattern, one call's lines on ``thread``."""
    lines = [f"--> POST {IUGU}", "Content-Type: application/json", *headers, "", body,
             f"--> END POST ({len(body)}-byte body)"]
    return [f"2026-11-22T13:00:10.{n:03d}Z  INFO 1 --- [payouts] [{thread:>15.15}] okhttp3.OkHttpClient"
            f"                     : {line}" for n, line in enumerate(lines)]


def test_concurrent_calls_on_spring_boots_padded_threads_are_each_judged_alone(tmp_path: Path) -> None:
    """An unsigned transfer and a signed one sent at once by two tasks of a Spring Boot service: the unsigned one is
    reported at its own first line, and the signed one's signature verifies over its own body."""
    client, public = key_pair(tmp_path, "client")
    token, body = "5f2d1c0b9a8e7d6c5b4a39281f0e6d5c", '{"amount_cents":1050,"transfer_type":"pix"}'
    signed = body.replace("}", f',"api_token":"{token}"}}')
    signature = signature_header(client, "POST", "/v1/transfer_requests", token, TIME, signed.encode())
    lines = alternate(spring_okhttp("task-1", ["Authorization: Basic YWJjOg=="], body),
                      spring_okhttp("task-2", [f"Request-Time: {TIME}", f"Signature: {signature}"], signed))
    (tmp_path / "payouts.log").write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(tmp_path / "payouts.log"))
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")] == \
        [("iugu-unsigned-transfer", 1)]
    assert report["scan"]["requests"]["signatures_valid"] == 1


def aiohttp_record(task: str, kind: str, params: str) -> str:
    """aiohttp's tracing params logged with `%r`, through logging with Python 3.12's `%(taskName)s`."""
    return f"2026-11-22 13:00:00,001 {task} DEBUG payouts.http: {kind} {params}"


def start(task: str, headers: dict[str, str]) -> str:
    listed = ", ".join(f"{name!r}: {value!r}" for name, value in headers.items())
    return aiohttp_record(task, "request start", f"TraceRequestStartParams(method='POST', url=URL({IUGU!r}), "
                                                 f"headers=<CIMultiDict({listed})>)")


def chunk(task: str, body: str) -> str:
    return aiohttp_record(task, "chunk sent", f"TraceRequestChunkSentParams(method='POST', url=URL({IUGU!r}), "
                                              f"chunk={body.encode()!r})")


def test_a_chunk_of_concurrent_calls_to_one_url_joins_the_head_its_task_logged() -> None:
    headers = {"Content-Type": "application/json"}
    lines = [start("Task-2", headers), start("Task-3", {**headers, "X-Retry": "1"}), chunk("Task-3", OTHER_BODY),
             chunk("Task-2", BODY)]
    assert read(lines) == [(1, ["Content-Type"], BODY.encode()), (2, ["Content-Type", "X-Retry"], OTHER_BODY.encode())]


def test_a_chunk_whose_task_logged_neither_head_joins_neither() -> None:
    headers = {"Content-Type": "application/json"}
    lines = [start("Task-2", headers), start("Task-3", headers), chunk("Task-4", BODY)]
    assert read(lines) == [(1, ["Content-Type"], None), (2, ["Content-Type"], None), (3, [], BODY.encode())]


def _trace(ids: str, kind: str, data: bytes) -> list[str]:
    """One block of `curl --trace - --trace-ids`: the opening line after the ids, the offset lines in hex."""
    rows = [f"{at:04x}: " + "".join(f"{byte:02x} " for byte in data[at:at + 16]).ljust(48)
            + "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in data[at:at + 16])
            for at in range(0, len(data), 16)]
    return [f"[{ids}] => Send {kind}, {len(data)} bytes (0x{len(data):x})", *rows]


def test_parallel_transfers_blocks_are_joined_by_their_transfer_ids(tmp_path: Path) -> None:
    """Two transfers' header blocks, then their data blocks the other way round: each signature is
    checked over its own transfer's body — the bad one's fails, the good one's verifies."""
    client, public = key_pair(tmp_path, "client")
    other, _ = key_pair(tmp_path, "other")
    token = "5f2d1c0b9a8e7d6c5b4a39281f0e6d5c"
    heads: list[str] = []
    bodies: list[str] = []
    for ids, key, body in (("0-0", client, BODY), ("1-0", other, OTHER_BODY)):
        signature = signature_header(key, "POST", "/v1/transfer_requests", token, TIME, body.encode())
        head = (f"POST /v1/transfer_requests HTTP/2\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
                f"Request-Time: {TIME}\r\nSignature: {signature}\r\nContent-Length: {len(body)}\r\n\r\n")
        heads += _trace(ids, "header", head.encode())
        bodies = _trace(ids, "data", body.encode()) + bodies
    log = tmp_path / "trace.log"
    log.write_text("\n".join(heads + bodies) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-bad-signature"]
    assert report["scan"]["requests"] == {"requests_judged": 2, "signatures_invalid": 1, "signatures_valid": 1}

