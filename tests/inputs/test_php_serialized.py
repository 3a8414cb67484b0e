"""Values in PHP's ``serialize`` notation (a queued job's, a session's) read as the record they hold: strings
by their length in bytes, a body byte for byte; whatever does not parse whole is none."""

from __future__ import annotations

import json

from keyaudit.inputs.captures.php_serialized import MAX_DEPTH, serialized_record
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Origin

URL = "https://api.iugu.com/v1/transfer_requests"


def _s(text: str) -> str:
    return f's:{len(text.encode())}:"{text}";'


def test_an_array_and_an_object_are_mappings_of_their_entries_and_properties() -> None:
    """An array with string keys is a mapping, one keyed 0, 1, … a list; an object's properties are
    named without their visibility (protected ``\\0*\\0``, private ``\\0<class>\\0``)."""
    array = "a:3:{" + _s("method") + _s("POST") + _s("tries") + "i:3;" + _s("tags") + "a:2:{i:0;" + _s("a") \
        + "i:1;b:1;}}"
    assert serialized_record(array) == {"method": "POST", "tries": 3, "tags": ["a", True]}
    job = 'O:3:"Job":3:{' + _s("\0*\0uri") + _s(URL) + _s("\0Job\0body") + _s("{}") + _s("delay") + "N;}"
    assert serialized_record(job) == {"uri": URL, "body": "{}", "delay": None}


def test_a_string_is_read_by_its_length_in_bytes_whatever_it_holds() -> None:
    """Nothing in a serialized string is escaped: quotes, semicolons, braces and line breaks are its
    own, and its length counts bytes (a `é` is two)."""
    body = '{\n"nome":"José";"x":"}"\n}'
    assert serialized_record("a:1:{" + _s("body") + _s(body) + "}") == {"body": body}


def test_what_does_not_parse_whole_is_none() -> None:
    assert serialized_record('a:1:{s:4:"body";s:9:"{}";}') is None  # a length that does not fit
    assert serialized_record('a:1:{s:1:"a";i:1;}x}') is None  # something after its end
    assert serialized_record('a:2:{s:1:"a";i:1;}') is None  # fewer entries than it says
    assert serialized_record('a:1:{i:0;s:1:"a";}') is None  # a list, no mapping
    assert serialized_record("O:nonsense}") is None and serialized_record("an {aside}") is None
    assert serialized_record('C:3:"Foo":2:{xy}') is None  # a custom payload says no fields
    deep = "a:1:{i:9;" * (MAX_DEPTH + 2) + "N;" + "}" * (MAX_DEPTH + 2)
    assert serialized_record(deep) is None


def test_a_job_serialized_inside_a_json_payload_is_the_request_it_holds() -> None:
    """Laravel's queue keeps a job as `serialize(clone $job)` under `data.command` in its JSON payload:
    the request array in the job's property is read, its body the bytes it holds."""
    body = '{\n"amount_cents":1050\n}'
    request = "a:4:{" + _s("method") + _s("POST") + _s("url") + _s(URL) + _s("headers") + "a:1:{" \
        + _s("Signature") + _s("signature=c2ln") + "}" + _s("body") + _s(body) + "}"
    command = 'O:21:"App\\Jobs\\SendTransfer":1:{' + _s("request") + request + "}"
    payload = json.loads(json.dumps({"displayName": "App\\Jobs\\SendTransfer", "data": {"command": command}}))
    found = request_of(payload, Origin("failed-job.json", 1))
    assert found is not None
    assert (found.method, found.url, found.headers, found.body) == ("POST", URL, [("Signature", "signature=c2ln")],
                                                                   body.encode())
