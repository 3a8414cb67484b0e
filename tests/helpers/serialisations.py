"""The key in binary serialisations a payments team's systems write: the packers of the twenty-seventh credential
corpus (``tests/data/credential_corpus_27``) that turn a rendered template into the bytes its program writes.

A template of such a file is the record as a person would read it (a `name<TAB>value` line per field, a JSON
document, a Python module); its packer writes it the program's way: protobuf's tagged, length-prefixed fields and
gRPC's five-byte frames, MessagePack, BSON as mongodump writes it, Redis' append-only file (RESP) and RDB dump, a
Kafka log segment's record batch, Java's object stream (`aced0005`), .NET's BinaryFormatter records, a `.pyc`
(``marshal``), and text compressed as logrotate's bzip2, xz and zstd leave it. Everything here is built with
``struct`` and the standard library, so the files are made as the corpus is rendered, never committed.
"""

from __future__ import annotations

import bz2
import importlib.util
import json
import lzma
import marshal
import struct
import zlib
from typing import Callable

import msgpack

from helpers.packing import zstd_frames


def fields(text: str) -> list[tuple[str, str]]:
    """The `name<TAB>value` lines of a template (blank lines and `#` comments skipped)."""
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("\t")
            pairs.append((name, value))
    return pairs


def varint(number: int) -> bytes:
    """``number`` as protobuf's and Kafka's base-128 varint (low groups first)."""
    out = bytearray()
    while True:
        byte, number = number & 0x7F, number >> 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


def zigzag(number: int) -> bytes:
    """A signed ``number`` as Kafka's zig-zag varint."""
    return varint((number << 1) ^ (number >> 63))


def protobuf(text: str) -> bytes:
    """`field_number<TAB>value` lines as a protobuf message: digits as varints (wire type 0), the rest as
    length-delimited strings (wire type 2); a `>` before the number nests the lines up to the next `<` in it."""
    out, stack = bytearray(), []
    for name, value in fields(text):
        if name.startswith(">"):
            stack.append((int(name[1:]), out))
            out = bytearray()
        elif name == "<":
            number, outer = stack.pop()
            outer += varint(number << 3 | 2) + varint(len(out)) + out
            out = outer
        elif value.isdigit():
            out += varint(int(name) << 3) + varint(int(value))
        else:
            data = value.encode()
            out += varint(int(name) << 3 | 2) + varint(len(data)) + data
    return bytes(out)


def grpc(text: str) -> bytes:
    """Messages separated by `---` lines, each in gRPC's length-prefixed frame (flag 0, length big-endian), as a
    proxy saves a call's request body."""
    return b"".join(b"\0" + struct.pack(">I", len(body)) + body
                    for body in (protobuf(part) for part in text.split("---\n")))


def _bson_element(name: str, value: object) -> bytes:
    key = name.encode() + b"\0"
    if isinstance(value, bool):
        return b"\x08" + key + (b"\x01" if value else b"\x00")
    if isinstance(value, int):
        return b"\x12" + key + struct.pack("<q", value)
    if isinstance(value, dict):
        return b"\x03" + key + bson_document(value)
    if value is None:
        return b"\x0a" + key
    data = str(value).encode() + b"\0"
    return b"\x02" + key + struct.pack("<i", len(data)) + data


def bson_document(document: dict) -> bytes:
    """One BSON document (int32 length, elements, NUL)."""
    body = b"".join(_bson_element(name, value) for name, value in document.items()) + b"\0"
    return struct.pack("<i", len(body) + 4) + body


def bson(text: str) -> bytes:
    """JSON documents, one a line, as mongodump writes a collection's `.bson`: documents back to back."""
    return b"".join(bson_document(json.loads(line)) for line in text.splitlines() if line.strip())


def resp_aof(text: str) -> bytes:
    """Commands (words separated by tabs), one a line, as Redis' append-only file logs them in RESP."""
    out = bytearray()
    for line in text.splitlines():
        if line.strip():
            words = [word.encode() for word in line.split("\t")]
            out += b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(word), word) for word in words)
    return bytes(out)


def _rdb_string(data: bytes) -> bytes:
    return (bytes([len(data)]) if len(data) < 64 else struct.pack(">H", 0x4000 | len(data))) + data


def rdb(text: str) -> bytes:
    """`key<TAB>value` lines as string keys of a Redis RDB dump (version 11, database 0, its CRC left zero)."""
    out = bytearray(b"REDIS0011\xfa\x09redis-ver\x057.2.4\xfe\x00\xfb")
    pairs = fields(text)
    out += bytes([len(pairs), 0])
    for key, value in pairs:
        out += b"\x00" + _rdb_string(key.encode()) + _rdb_string(value.encode())
    return bytes(out) + b"\xff" + b"\0" * 8


def kafka_segment(text: str) -> bytes:
    """`key<TAB>value` lines as one record batch (magic 2) of a Kafka log segment `00000000000000000000.log`."""
    records = bytearray()
    for delta, (key, value) in enumerate(fields(text)):
        body = b"\0" + zigzag(delta * 3) + zigzag(delta)
        body += zigzag(len(key)) + key.encode() + zigzag(len(value.encode())) + value.encode() + zigzag(0)
        records += zigzag(len(body)) + body
    count = len(fields(text))
    after_crc = struct.pack(">hiqqqhii", 0, count - 1, 1764930000000, 1764930000000, -1, -1, -1, count) + records
    head = struct.pack(">iB", 0, 2) + struct.pack(">I", zlib.crc32(after_crc))  # (crc32c in Kafka; any CRC here)
    batch = head + after_crc
    return struct.pack(">qi", 0, len(batch)) + batch


def _java_string(text: str) -> bytes:
    data = text.encode()
    return b"\x74" + struct.pack(">H", len(data)) + data


def java_hashmap(text: str) -> bytes:
    """`key<TAB>value` lines as `ObjectOutputStream` writes a `java.util.HashMap<String, String>`."""
    pairs = fields(text)
    out = bytearray(b"\xac\xed\x00\x05\x73\x72") + struct.pack(">H", 17) + b"java.util.HashMap"
    out += struct.pack(">q", 362498820763181265) + b"\x03" + struct.pack(">H", 2)
    out += b"F" + struct.pack(">H", 10) + b"loadFactor" + b"I" + struct.pack(">H", 9) + b"threshold"
    out += b"\x78\x70" + struct.pack(">fi", 0.75, 16) + b"\x77\x08" + struct.pack(">ii", 16, len(pairs))
    for key, value in pairs:
        out += _java_string(key) + _java_string(value)
    return bytes(out) + b"\x78"


def _dotnet_string(text: str) -> bytes:
    data, length = text.encode(), bytearray()
    size = len(data)
    while True:
        length.append((size & 0x7F) | (0x80 if size >> 7 else 0))
        size >>= 7
        if not size:
            return bytes(length) + data


def binary_formatter(text: str) -> bytes:
    """`key<TAB>value` lines as .NET's BinaryFormatter writes a `Dictionary<string,string>`'s strings
    (SerializedStreamHeader, then a BinaryObjectString record for each name and value, then MessageEnd)."""
    out = bytearray(b"\x00" + struct.pack("<iiii", 1, -1, 1, 0))
    out += b"\x0c" + struct.pack("<i", 2) + _dotnet_string("Billing.Settings, Version=1.0.0.0, Culture=neutral")
    for number, (key, value) in enumerate(fields(text)):
        for offset, word in enumerate((key, value)):
            out += b"\x06" + struct.pack("<i", 10 + 2 * number + offset) + _dotnet_string(word)
    return bytes(out) + b"\x0b"


def pyc(text: str) -> bytes:
    """A Python module compiled as `py_compile` writes it: the magic, flags, time and size, ``marshal`` of the code."""
    code = compile(text, "settings.py", "exec")
    return importlib.util.MAGIC_NUMBER + struct.pack("<IIi", 0, 1764930000, len(text)) + marshal.dumps(code)


PACKERS: dict[str, Callable[[str], bytes]] = {
    "protobuf": protobuf,
    "grpc": grpc,
    "msgpack": lambda text: b"".join(msgpack.packb(json.loads(line)) for line in text.splitlines() if line.strip()),
    "bson": bson,
    "resp-aof": resp_aof,
    "rdb": rdb,
    "kafka-segment": kafka_segment,
    "java-hashmap": java_hashmap,
    "binary-formatter": binary_formatter,
    "pyc": pyc,
    "bz2": lambda text: bz2.compress(text.encode()),
    "xz": lambda text: lzma.compress(text.encode()),
    "zstd": lambda text: zstd_frames(text.encode()),
}
