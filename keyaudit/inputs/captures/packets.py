"""The TCP payload of a captured packet's bytes: what a request written in a packet dump is.

A packet dump (``tcpdump -X``, Wireshark's hex dump of a frame) shows a packet's bytes from its IP
header on, or from its link layer's header (``tcpdump -XX``, Wireshark); the bytes a connection
carried come after the IP header (IPv4: its IHL says how long; IPv6: 40 bytes, no extension
header read) and the TCP header (its data offset says how long). Bytes are a packet only where
those headers agree with them (TCP inside; IPv4's total length, IPv6's payload length within the
bytes, the rest a frame's padding), so a run of a stream's bytes (a request) is never taken for one.
"""

from __future__ import annotations

import struct

# Link layers a dump may show before the IP header: (bytes before the EtherType, the header's
# length). Ethernet II; Ethernet with an 802.1Q VLAN tag; Linux cooked capture (tcpdump -i any),
# SLL and SLL2.
LINK_LAYERS: tuple[tuple[int, int], ...] = ((12, 14), (16, 18), (14, 16), (0, 20))
_ETHERTYPES = {b"\x08\x00": 4, b"\x86\xdd": 6}  # IPv4, IPv6
_TCP = 6
_IPV6_HEADER = 40
_TCP_HEADER = 20


class Segment:
    """A TCP segment's payload (where it starts and ends in the packet's bytes), its connection's
    side (addresses and ports, sender first) and its sequence number."""

    __slots__ = ("start", "end", "side", "sequence")

    def __init__(self, start: int, end: int, side: tuple[bytes, bytes, int, int], sequence: int) -> None:
        self.start, self.end, self.side, self.sequence = start, end, side, sequence


def segment(data: bytes) -> Segment | None:
    """The TCP segment ``data`` is a packet of (from its IP header, or its link layer's), or
    None where its headers do not say so."""
    found = _ip(data, 0, None)
    for ethertype, length in LINK_LAYERS:
        if found is not None:
            break
        found = _ip(data, length, _ETHERTYPES.get(data[ethertype:ethertype + 2]))
    return found


def _ip(data: bytes, at: int, version: int | None) -> Segment | None:
    """The segment of the IP packet at ``data[at]`` (of ``version``, where a link layer says it)."""
    if len(data) < at + _IPV6_HEADER or (version is not None and data[at] >> 4 != version):
        return None
    if data[at] >> 4 == 4:
        header, protocol, total = 4 * (data[at] & 0xF), data[at + 9], struct.unpack_from("!H", data, at + 2)[0]
        addresses = (data[at + 12:at + 16], data[at + 16:at + 20])
    elif data[at] >> 4 == 6:
        header, protocol = _IPV6_HEADER, data[at + 6]
        total = _IPV6_HEADER + struct.unpack_from("!H", data, at + 4)[0]
        addresses = (data[at + 8:at + 24], data[at + 24:at + 40])
    else:
        return None
    tcp, end = at + header, at + total
    if protocol != _TCP or header < 20 or end > len(data) or tcp + _TCP_HEADER > end:
        return None
    source, destination, sequence = struct.unpack_from("!HHI", data, tcp)
    start = tcp + 4 * (data[tcp + 12] >> 4)
    if start < tcp + _TCP_HEADER or start > end:
        return None
    return Segment(start, end, (*addresses, source, destination), sequence)
