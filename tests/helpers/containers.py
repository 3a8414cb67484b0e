"""The key in packed containers a payments team's systems write: the packers of the twenty-seventh credential
corpus for captures, documents, version control's objects, browsers' and apps' stores and executables.

A template is the text the container carries (an HTTP call, a page's lines, a slide's XML, a file's content, a
store's `key<TAB>value` lines); its packer wraps it as the program does: a libpcap or pcapng capture of one TCP
segment (Ethernet, IPv4 and TCP headers), a PDF page whose content stream is or is not FlateDecode-compressed, an
OpenDocument text, a PowerPoint deck or an Excel workbook's shared strings (zip of XML), a git loose object and a
packfile (zlib), a LevelDB write-ahead log (Chrome's Local Storage), a SQLite WAL frame of a table page, a Windows
executable's version resource (UTF-16LE) and a Hermes bytecode bundle's string storage (strings back to back).
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from typing import Callable

from helpers.archives import zip_bytes
from helpers.serialisations import fields, varint


def _checksum(data: bytes) -> int:
    data += b"\0" * (len(data) % 2)
    total = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def _frame(text: str) -> bytes:
    """``text`` (HTTP, its lines ended by CRLF) in one TCP segment to port 80, Ethernet and IPv4 around it."""
    payload = text.replace("\n", "\r\n").encode()
    tcp = struct.pack(">HHIIBBHHH", 51544, 80, 1000, 2000, 5 << 4, 0x18, 502, 0, 0)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 4242, 0x4000, 64, 6, 0,
                     bytes([10, 0, 3, 17]), bytes([10, 0, 9, 40]))
    ip = ip[:10] + struct.pack(">H", _checksum(ip)) + ip[12:]
    return b"\x02\x42\x0a\x00\x09\x28\x02\x42\x0a\x00\x03\x11\x08\x00" + ip + tcp + payload


def pcap(text: str) -> bytes:
    """``text`` captured by `tcpdump -w` (libpcap, microseconds, Ethernet)."""
    frame = _frame(text)
    return (struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1)
            + struct.pack("<IIII", 1764930000, 123456, len(frame), len(frame)) + frame)


def pcapng(text: str) -> bytes:
    """``text`` captured by `dumpcap` (pcapng: section header, interface description, enhanced packet)."""
    frame = _frame(text)
    padded = frame + b"\0" * (-len(frame) % 4)

    def block(kind: int, body: bytes) -> bytes:
        return struct.pack("<II", kind, len(body) + 12) + body + struct.pack("<I", len(body) + 12)

    return (block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
            + block(1, struct.pack("<HHI", 1, 0, 262144))
            + block(6, struct.pack("<IIIII", 0, 410937, 2886729728, len(frame), len(frame)) + padded))


def _pdf(text: str, compress: bool) -> bytes:
    """A one-page PDF showing ``text``'s lines; its content stream FlateDecode-compressed or not."""
    lines = "".join(f"({line.replace('(', '[').replace(')', ']')}) Tj T*\n" for line in text.splitlines())
    content = f"BT /F1 10 Tf 12 TL 40 800 Td\n{lines}ET\n".encode()
    stream = zlib.compress(content) if compress else content
    filters = b" /Filter /FlateDecode" if compress else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"]
    out, offsets = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _git_object(text: str) -> bytes:
    data = text.encode()
    return b"blob %d\0" % len(data) + data


def git_pack(text: str) -> bytes:
    """Blobs (separated by `---` lines) in a packfile as `git gc` writes one: each zlib-compressed after its
    type-and-size header, the pack's SHA-1 at the end."""
    blobs = [part.encode() for part in text.split("---\n")]
    out = bytearray(b"PACK" + struct.pack(">II", 2, len(blobs)))
    for blob in blobs:
        size, head = len(blob), bytearray()
        head.append(0x80 * (size > 15) | 3 << 4 | size & 0x0F)
        size >>= 4
        while size:
            head.append(0x80 * (size > 127) | size & 0x7F)
            size >>= 7
        out += head + zlib.compress(blob)
    return bytes(out) + hashlib.sha1(bytes(out)).digest()


def leveldb_log(text: str) -> bytes:
    """`origin<TAB>key<TAB>value` lines as Chrome's Local Storage LevelDB log writes them (`_<origin>\\0\\1<key>`
    keys, `\\1` + Latin-1 values), one write batch a record (checksum, length, type FULL)."""
    out, sequence = bytearray(), 40
    for line in text.splitlines():
        if not line.strip():
            continue
        origin, key, value = line.split("\t")
        name, data = f"_{origin}\0\1{key}".encode(), b"\1" + value.encode("latin-1")
        batch = struct.pack("<qI", sequence, 1) + b"\1" + varint(len(name)) + name + varint(len(data)) + data
        out += struct.pack("<IHB", zlib.crc32(batch), len(batch), 1) + batch
        sequence += 1
    return bytes(out)


def _record(row: list[str]) -> bytes:
    header = b"".join(varint(len(cell.encode()) * 2 + 13) for cell in row)
    return varint(len(header) + 1) + header + b"".join(cell.encode() for cell in row)


def sqlite_wal(text: str) -> bytes:
    """Rows (cells separated by tabs) as a SQLite WAL holds a table's leaf page: the WAL header, then one frame
    (page 2) whose cells fill the page from its end."""
    size, cells = 4096, []
    for rowid, line in enumerate(filter(str.strip, text.splitlines()), 1):
        record = _record(line.split("\t"))
        cells.append(varint(len(record)) + varint(rowid) + record)
    page, end = bytearray(size), size
    pointers = []
    for cell in cells:
        end -= len(cell)
        page[end:end + len(cell)] = cell
        pointers.append(end)
    page[:8] = struct.pack(">BHHHB", 0x0D, 0, len(cells), end, 0)
    page[8:8 + 2 * len(cells)] = b"".join(struct.pack(">H", pointer) for pointer in pointers)
    header = struct.pack(">IIIIII", 0x377F0682, 3007000, size, 0, 0x1C2D3E4F, 0x5A6B7C8D) + b"\0" * 8
    frame = struct.pack(">II", 2, 2) + header[16:24] + b"\0" * 8
    return header + frame + bytes(page)


def windows_resource(text: str) -> bytes:
    """`name<TAB>value` lines as a Windows executable's VS_VERSIONINFO strings (UTF-16LE, NUL-ended), after an
    MZ stub and a PE header, as `rc.exe` and the linker leave a `.rsrc` section."""
    stub = b"MZ\x90\0" + b"\0" * 56 + struct.pack("<I", 128)
    stub += b"\0" * (64 - len(stub) % 64) + b"This program cannot be run in DOS mode.\r\r\n$"
    stub += b"\0" * (128 - len(stub)) + b"PE\0\0" + struct.pack("<HH", 0x8664, 3) + b"\0" * 200
    strings = b"".join(b"\x2c\0\x10\0\x01\0" + f"{name}\0{value}\0".encode("utf-16-le")
                       for name, value in fields(text))
    info = "VS_VERSION_INFO\0".encode("utf-16-le") + b"\xbd\x04\xef\xfe" + b"\0" * 48
    return stub + b".rsrc\0\0\0" + b"\0" * 32 + info + "StringFileInfo\0040904b0\0".encode("utf-16-le") + strings


def hermes(text: str) -> bytes:
    """Lines as a Hermes bytecode bundle's string storage holds them: the magic and version, a small table of
    (offset, length) entries, then every string's characters back to back with nothing between them."""
    strings = [line.encode() for line in text.splitlines() if line]
    table, offset = bytearray(), 0
    for data in strings:
        table += struct.pack("<I", offset << 8 | min(len(data), 255))
        offset += len(data)
    return (struct.pack("<QI", 0x1F1903C103BC1FC6, 96) + hashlib.sha1(text.encode()).digest()
            + struct.pack("<II", 0, len(strings)) + bytes(table) + b"".join(strings))


PACKERS: dict[str, Callable[[str], bytes]] = {
    "pcap": pcap,
    "pcapng": pcapng,
    "pdf-flate": lambda text: _pdf(text, True),
    "pdf": lambda text: _pdf(text, False),
    "odt": lambda text: zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text",
                                   "META-INF/manifest.xml": b"<manifest:manifest/>", "content.xml": text.encode()}),
    "pptx": lambda text: zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p:presentation/>",
                                    "ppt/slides/slide1.xml": text.encode()}),
    "xlsx": lambda text: zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                                    "xl/sharedStrings.xml": text.encode()}),
    "git-object": lambda text: zlib.compress(_git_object(text)),
    "git-pack": git_pack,
    "leveldb-log": leveldb_log,
    "sqlite-wal": sqlite_wal,
    "windows-resource": windows_resource,
    "hermes": hermes,
}
