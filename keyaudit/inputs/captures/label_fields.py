"""Requests written as their HTTP/2 header fields, as data: more entries of the label table (:mod:`.label_shapes`
says what an entry's keys mean; :mod:`.label_patterns` reads the tables).

HTTP/2 sends a request's method, path, authority and scheme as pseudo-header fields (RFC 9113, 8.3.1): a client that
dumps the block it sent, a frame log, a proxy printing the header map it decodes write the request as those fields,
one a line, in the client's or proxy's spelling. Not provider knowledge: no host, key or path. (Split from
:mod:`.label_shapes` by job: those are what a library labels in its own words.)
"""

from .lines import TOKEN

FIELD_LABEL_SHAPES: tuple[dict[str, object], ...] = (
    # An HTTP/2 request dumped as the header block it sent, then the body (imroc/req's DevMode, req.cool/docs/
    # tutorial/debugging: `:authority: <host>`, `:method: POST`, `:path: …`, `:scheme: https`, then the other
    # fields `name: value`, names lower case as HPACK sends them, a blank line, the body — a blank line after).
    {"capture": "h2-dump", "labels": {
        ":authority: ": r"^:(?P<pseudo>authority): (?P<value>[^\s/]+)\s*$",
        ":method: ": r"^:(?P<pseudo>method): (?P<value>[A-Z]+)\s*$",
        ":path: ": r"^:(?P<pseudo>path): (?P<value>/\S*)\s*$", ":scheme: ": r"^:(?P<pseudo>scheme): (?P<value>\w+)\s*$",
        ": ": rf"^(?P<name>{TOKEN}): (?P<value>.*)$", "": r"^(?P<body>)\s*$"}},

    # Envoy at debug level (Istio's sidecars with --proxyLogLevel=debug): the header map a stream decodes, printed
    # under its record (envoyproxy/envoy source/common/router/router.cc decodeHeaders, `ENVOY_STREAM_LOG(debug,
    # "router decoding headers:\n{}", …)`; conn_manager_impl.cc's "request headers complete (end_stream=…):\n{}"):
    # HeaderMapImpl's operator<< writes one `'name', 'value'` a line, pseudo-headers first (`':authority', '<host>'`
    # the map's first), names lower case. No body is printed: a line that is none of these ends the request.
    {"capture": "envoy", "others": "end", "labels": {
        "':authority', '": r"^':(?P<pseudo>authority)', '(?P<value>[^\s/']+)'\s*$",
        "':path', '": r"^':(?P<pseudo>path)', '(?P<value>/[^']*)'\s*$",
        "':method', '": r"^':(?P<pseudo>method)', '(?P<value>[A-Z]+)'\s*$",
        "':scheme', '": r"^':(?P<pseudo>scheme)', '(?P<value>\w+)'\s*$",
        "', '": rf"^'(?P<name>{TOKEN})', '(?P<value>.*)'\s*$"}},

    # nghttp2's client with -v (nghttp2.org/documentation/nghttp.1.html: "print debug information such as
    # reception and transmission of frames and name/value pairs"): a HEADERS frame sent, on its `[  <seconds>] send
    # HEADERS frame <…>` line, then its details and its fields ten blanks in, pseudo-headers first (`:method`), names
    # lower case as HPACK sends them; a DATA frame shows its length, never its bytes, so the next frame's line, none
    # of these labels, ends the request (its body unknown).
    {"capture": "nghttp", "others": "end", "labels": {
        ":method: ": r"^ +:(?P<pseudo>method): (?P<value>[A-Z]+)\s*$",
        ":path: ": r"^ +:(?P<pseudo>path): (?P<value>/\S*)\s*$",
        ":scheme: ": r"^ +:(?P<pseudo>scheme): (?P<value>\w+)\s*$",
        ":authority: ": r"^ +:(?P<pseudo>authority): (?P<value>[^\s/]+)\s*$",
        ": ": rf"^ +(?P<name>{TOKEN}): (?P<value>.*)$"}},
)
