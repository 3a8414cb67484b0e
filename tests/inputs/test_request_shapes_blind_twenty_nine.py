"""A twenty-ninth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a COMPUTER ALGEBRA system's symbolic request
(the Wolfram Language's `HTTPRequest[…]` in InputForm), a BINARY FORMAT's diagnostic notation (CBOR's,
`cbor2diag.rb`: the body a hex byte string), a SHELL's object serialization (PowerShell's `Export-Clixml`
of the splatted `Invoke-RestMethod` parameters, its line breaks `_x000A_`), a JavaBean's XML ARCHIVE
(`java.beans.XMLEncoder`, a map's entries `put` calls), a TEST SNAPSHOT (Jest's `.snap` of a mocked
fetch, its strings not escaped), a PHP FUNCTION TRACER (an Xdebug trace of `curl_setopt_array`, the
options keyed by cURL's numbers), a TOML FIXTURE (written by `tomli_w` with multi-line strings) and a
desktop app's PREFERENCES read back (macOS `defaults read`, an old-style property list).

None of the eight passed as first written: seven gave no request at all, and CBOR's diagnostic notation gave
four requests but read its body as the hex digits of `h'…'`, so the transfer signed with the client's key was
called a bad signature. CBOR's passes since a byte string written in hex (`h'…'`) is the bytes it writes (the text
of bytes the readers hold, :func:`keyaudit.inputs.captures.quoted.hex_bytes`). XMLEncoder's archive and the CliXML
file pass since an object serializer's XML gives its fields' values (:mod:`keyaudit.inputs.captures.xml_records`): a
field may be named by a `property` attribute (XMLEncoder's `<void property=…>`) or an `N` (CliXML's), and a named
element with no text whose children are named by none is valued by what they hold — the text of the one typed
element (`<string>…</string>`), or the map of the entries they are (a `put` call's two arguments, a pair named `Key`
and `Value` in a `<DCT>`, an empty one an empty map), the elements that only name a type (`<TN>`, `<TNRef>`) left
out — and .NET's `_xHHHH_` escapes are undone in every text. The TOML fixture passes since a run of lines TOML may
write one after the other is parsed alone as a document (:mod:`keyaudit.inputs.captures.toml_records`), each of its
tables that holds a method a record. `defaults read` passes since an old-style property list's entries end at their
`;` (a bare word ending there once one has) and a line `method = …` marks a file that writes requests (the marker
`ethod = `). Wolfram's request passes since an association `<|k -> v|>` is a mapping, a type's values in square
brackets are values by position (`HTTPRequest[…]`), and a call's one absolute URL beside the one map of options that
names the method is that request (:func:`keyaudit.inputs.captures.printed_roles.positional_record`; `fetch(url,
{method})` too). The Xdebug trace passes since a list given a name (`$options = [`) may begin a record, a list whose
every item is keyed by `=>` (keys numbers too) is PHP's array, a mapping, and a map of cURL's options keyed by their
numbers (CURLOPT_URL 10002, _CUSTOMREQUEST 10036, _HTTPHEADER 10023, _POSTFIELDS 10015) is the request they set
(:func:`keyaudit.inputs.captures.record_views.curl_options`). Jest's snapshot stays a strict expected failure saying
what the readers miss. Seven of the eight pass.

A comment above each shape names the source its format was taken from. What is checked is what
every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``,
never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


def _wolfram_string(text: str) -> str:
    """A string as the Wolfram Language's InputForm writes it: between double quotes, `\\` and `"`
    escaped, a line break `\\n`, a tab `\\t`."""
    named = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(named.get(char, char) for char in text) + '"'


# --- a computer algebra system's symbolic request --------------------------------------------------------------------

def wolfram_http_request(request: Request) -> list[str]:
    # A treasury analyst's Wolfram Language script replaying parked payouts, `wolframscript -file replay.wls`, which
    # prints each request before `URLRead` sends it, `Print[InputForm[req]]` (reference.wolfram.com/language/ref/
    # HTTPRequest: `HTTPRequest[url, <|Method -> "POST", "Headers" -> {name -> value, …}, "Body" -> "…"|>]`, `Method`
    # a symbol, the headers a list of rules, a string body sent as it is; InputForm writing a string between quotes
    # with `"`, `\` and line breaks escaped, an association `<|k -> v, …|>`).
    headers = ", ".join(f"{_wolfram_string(name)} -> {_wolfram_string(value)}" for name, value in request.headers)
    return ["$ wolframscript -file replay.wls",
            f'HTTPRequest[{_wolfram_string(request.url)}, <|Method -> {_wolfram_string(request.method)}, '
            f'"Headers" -> {{{headers}}}, "Body" -> {_wolfram_string(request.body)}|>]',
            f'HTTPResponse[<|"StatusCode" -> 422, "Body" -> {_wolfram_string(ANSWER)}|>]']


# --- a binary format's diagnostic notation ---------------------------------------------------------------------------

def cbor_diagnostic(request: Request) -> list[str]:
    # A Go payouts API's outbox kept as CBOR (fxamacker/cbor `cbor.Marshal` of `{Method, URL string; Header
    # http.Header; Body []byte}`: a struct a map keyed by its field names, http.Header a map of text to arrays of
    # text, a []byte a byte string), one parked entry read with the cbor-diag gem's `cbor2diag.rb` (RFC 8949 §8
    # "Diagnostic Notation": maps `{k: v, …}`, text strings in double quotes JSON-escaped, byte strings `h'<hex>'`).
    header = ", ".join(f"{json.dumps(name)}: [{json.dumps(value)}]" for name, value in request.headers)
    return [f"$ cbor2diag.rb parked/{uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body)}.cbor",
            f'{{"Method": {json.dumps(request.method)}, "URL": {json.dumps(request.url)}, "Header": {{{header}}}, '
            f"\"Body\": h'{request.body.encode().hex()}'}}"]


# --- a shell's object serialization ----------------------------------------------------------------------------------

def _clixml_string(text: str) -> str:
    """A string as PowerShell's serializer writes it in CliXML: XML-escaped, each control character
    `_xHHHH_` (so a line break is `_x000A_`)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"_x{ord(char):04X}_" if char < " " else char for char in escaped)


def powershell_clixml(request: Request) -> list[str]:
    # A PowerShell 7 payouts script that splats its parameters into `Invoke-RestMethod @params` and, when the call
    # fails, parks them with `$params | Export-Clixml -Path "parked\$id.xml"`; the parked files read back with
    # `Get-Content parked\*.xml` (learn.microsoft.com Export-Clixml and the PowerShell Remoting Protocol [MS-PSRP]
    # 2.2.5.2.6/2.2.5.1.19: `<Objs Version="1.1.0.1" xmlns=…>`, a Hashtable an `<Obj>` with `<TN>` type names and a
    # `<DCT>` of `<En>` entries `<S N="Key">…</S>` then the value named `Value`, a second object of the same type
    # `<TNRef>`; a string's control characters encoded `_xHHHH_`). Invoke-RestMethod's -ContentType and -UserAgent
    # are parameters of their own, the other headers the -Headers hashtable.
    own = {"content-type": "ContentType", "user-agent": "UserAgent"}
    simple = [(own[name.lower()], value) for name, value in request.headers if name.lower() in own]
    headers = [(name, value) for name, value in request.headers if name.lower() not in own]

    def entry(key: str, value: str, indent: str) -> list[str]:
        return [f"{indent}<En>", f'{indent}  <S N="Key">{key}</S>',
                f'{indent}  <S N="Value">{_clixml_string(value)}</S>', f"{indent}</En>"]

    lines = ['<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">', '  <Obj RefId="0">',
             '    <TN RefId="0">', "      <T>System.Collections.Hashtable</T>", "      <T>System.Object</T>",
             "    </TN>", "    <DCT>"]
    lines += entry("Body", request.body, "      ")
    lines += ["      <En>", '        <S N="Key">Headers</S>', '        <Obj N="Value" RefId="1">',
              '          <TNRef RefId="0" />', "          <DCT>"]
    for name, value in headers:
        lines += entry(name, value, "            ")
    lines += ["          </DCT>", "        </Obj>", "      </En>"]
    for key, value in [("Method", request.method), ("Uri", request.url), *simple]:
        lines += entry(key, value, "      ")
    return ["PS C:\\payouts> Get-Content .\\parked\\*.xml", *lines, "    </DCT>", "  </Obj>", "</Objs>"]


# --- a JavaBean's XML archive ----------------------------------------------------------------------------------------

def _xml_encoder_string(text: str) -> str:
    """A string as java.beans.XMLEncoder writes it in `<string>`: `&`, `<`, `>`, `"`, `'` and a
    carriage return as character references, a line break as it is."""
    named = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;"}
    return "".join(named.get(char, char) for char in text)


def java_xml_encoder(request: Request) -> list[str]:
    # A Swing treasury desktop app that parks a payout it could not send as a JavaBean archived with
    # `new XMLEncoder(out).writeObject(pending)` in `pending-payouts.xml` (docs.oracle.com java.beans.XMLEncoder and
    # "Long Term Persistence of JavaBeans Components: XML Schema": `<java version=… class="java.beans.XMLDecoder">`,
    # an `<object class=…>`, each property that differs from the default's a `<void property="name">`, in the
    # Introspector's order (by name), a map the constructor created filled by `<void method="put">` statements of key
    # and value, one space of indentation a level; JDK XMLEncoder.quoteCharCode for `&<>"'` and `\r`).
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<java version="17.0.9" class="java.beans.XMLDecoder">',
             ' <object class="br.com.payouts.PendingTransfer">', '  <void property="body">',
             *f"   <string>{_xml_encoder_string(request.body)}</string>".split("\n"), "  </void>",
             '  <void property="headers">']
    for name, value in request.headers:
        lines += ['   <void method="put">', f"    <string>{_xml_encoder_string(name)}</string>",
                  f"    <string>{_xml_encoder_string(value)}</string>", "   </void>"]
    lines += ["  </void>", '  <void property="method">', f"   <string>{request.method}</string>", "  </void>",
              '  <void property="url">', f"   <string>{_xml_encoder_string(request.url)}</string>", "  </void>",
              " </object>", "</java>"]
    return lines


# --- a test snapshot -------------------------------------------------------------------------------------------------

def jest_mock_snapshot(request: Request) -> list[str]:
    # A Node payouts test suite that mocks `fetch` (`global.fetch = jest.fn().mockName("fetch")`) and snapshots it
    # after replaying a parked transfer, `expect(fetch).toMatchSnapshot()`, the `.snap` file committed (jest-snapshot
    # mockSerializer: `[MockFunction <name>] {"calls": […], "results": […]}`; pretty-format with Jest 29's default
    # snapshotFormat `{escapeString: false, printBasicPrototype: false}`: keys sorted, two spaces a level, a comma
    # after every member, a string between double quotes with nothing escaped; utils.printBacktickString escaping
    # only a backtick, a backslash and `${` in the template literal `exports[\`<test name> 1\`] = \`…\`;`).
    def member(name: str, value: str) -> str:
        return f'"{name}": "{value}",'

    name = f"replays the parked transfer {uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body).hex[:8]} 1"
    headers = [f"          {member(key, value)}" for key, value in sorted(request.headers)]
    text = "\n".join(["[MockFunction fetch] {", '  "calls": [', "    [", f'      "{request.url}",', "      {",
                      f"        {member('body', request.body)}", '        "headers": {', *headers, "        },",
                      f"        {member('method', request.method)}", "      },", "    ],", "  ],", '  "results": [',
                      "    {", '      "type": "return",', '      "value": Promise {},', "    },", "  ],", "}"])
    text = text.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
    return ["// Jest Snapshot v1, https://goo.gl/fbAQLP", "", f"exports[`{name}`] = `", *text.split("\n"), "`;", ""]


# --- a PHP function tracer -------------------------------------------------------------------------------------------

def _xdebug_string(text: str) -> str:
    """A string as Xdebug's traces write it: in single quotes, addcslashes'd for `'`, `\\` and the
    control characters (a line break `\\n`)."""
    named = {"'": "\\'", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return "'" + "".join(named.get(char) or (char if char >= " " else f"\\{ord(char):03o}") for char in text) + "'"


def xdebug_trace(request: Request) -> list[str]:
    # A PHP payouts replay script run under Xdebug 3 with `xdebug.mode=trace xdebug.start_with_request=yes` and the
    # default human-readable format, its trace file pasted (xdebug.org/docs/trace: `TRACE START [<time>]`, each call
    # `<time> <memory> <indent>-> <function>(<$param = value, …>) <file>:<line>`, two spaces of indentation a level;
    # xdebug_var.c: a string in single quotes through addcslashes "'\\\0..\37", an array `[k => v, …]`, an object
    # `class CurlHandle {  }`, true `TRUE`). The options keyed by the values of PHP's cURL constants: CURLOPT_URL
    # 10002, CURLOPT_CUSTOMREQUEST 10036, CURLOPT_HTTPHEADER 10023, CURLOPT_POSTFIELDS 10015,
    # CURLOPT_RETURNTRANSFER 19913.
    lines = [_xdebug_string(f"{name}: {value}") for name, value in request.headers]
    header = ", ".join(f"{n} => {line}" for n, line in enumerate(lines))
    options = (f"[10002 => {_xdebug_string(request.url)}, 10036 => {_xdebug_string(request.method)}, "
               f"10023 => [{header}], 10015 => {_xdebug_string(request.body)}, 19913 => TRUE]")
    handle = "class CurlHandle {  }"
    return ["TRACE START [2026-11-22 13:00:30.104812]",
            "    0.0003     392664   -> {main}() /srv/payouts/bin/replay.php:0",
            "    0.0118     509872     -> Payouts\\Sender->send($id = 'parked-3') /srv/payouts/bin/replay.php:14",
            "    0.0125     514000       -> curl_init() /srv/payouts/src/Sender.php:31",
            f"    0.0126     514384       -> curl_setopt_array($handle = {handle}, $options = {options}) "
            "/srv/payouts/src/Sender.php:32",
            f"    0.0127     514384       -> curl_exec($handle = {handle}) /srv/payouts/src/Sender.php:40",
            f"    0.3101     516120       -> curl_getinfo($handle = {handle}, $option = 2097154) "
            "/srv/payouts/src/Sender.php:41",
            "    0.3109     392664",
            "TRACE END   [2026-11-22 13:00:30.415620]", ""]


# --- a TOML fixture --------------------------------------------------------------------------------------------------

def _toml_key(key: str) -> str:
    """A key as tomli_w writes it: bare when it holds only letters, digits, `-` and `_`, else a
    basic string."""
    return key if key and all(char.isascii() and (char.isalnum() or char in "-_") for char in key) else json.dumps(key)


def _toml_string(text: str) -> str:
    """A string as tomli_w writes it with multi-line strings allowed: a multi-line basic string
    (`\"\"\"` and a line break, the line breaks as they are) when it holds a line break, else a basic
    string; `"` and `\\` escaped in both."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"""\n{escaped}"""' if "\n" in text else f'"{escaped}"'


def toml_fixture(request: Request) -> list[str]:
    # A Python payouts service's replay fixtures, one per parked request, written with
    # `tomli_w.dumps(record, multiline_strings=True)` into tests/fixtures/parked/*.toml and concatenated into the
    # ticket (hukkin/tomli-w _writer.py: the table's plain values first, `key = value`, then each sub-table under a
    # blank line and `[name]`; format_string: with multi-line strings a value holding a line break is `"""` + line
    # break + the text, `"` and `\` escaped, line breaks as they are, + `"""`; toml.io v1.0.0: the line break right
    # after the opening delimiter is not part of the string).
    lines = [f"# parked/{uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body)}.toml",
             f"method = {_toml_string(request.method)}", f"url = {_toml_string(request.url)}",
             *f"body = {_toml_string(request.body)}".split("\n"), "attempts = 3", "", "[headers]"]
    return lines + [f"{_toml_key(name)} = {_toml_string(value)}" for name, value in request.headers] + [""]


# --- a desktop app's preferences -------------------------------------------------------------------------------------

def _openstep_string(text: str) -> str:
    """A string as an old-style (OpenStep) property list writes it: bare when it is letters and digits
    only, else between double quotes with `"`, `\\` and line breaks escaped."""
    if text.isascii() and text.isalnum():
        return text
    named = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(named.get(char, char) for char in text) + '"'


def macos_defaults_read(request: Request) -> list[str]:
    # A macOS menu-bar payouts app that keeps the transfer it failed to send in its user defaults
    # (`UserDefaults.standard.set(["method": …, "url": …, "headers": […], "body": …], forKey: "PendingTransfer")`),
    # read back with `defaults read br.com.payouts.treasury PendingTransfer` (the defaults(1) man page: values printed
    # as an old-style property list; Apple's "Old-Style ASCII Property Lists": a dictionary `{ key = value; … }`, a
    # string quoted unless it is alphanumeric, `\n` and `\"` escapes; NSDictionary's description sorting the keys,
    # four spaces a level, a nested dictionary opened after `=` and five spaces).
    headers = [f"        {_openstep_string(name)} = {_openstep_string(value)};"
               for name, value in sorted(request.headers, key=lambda pair: pair[0])]
    return ["$ defaults read br.com.payouts.treasury PendingTransfer", "{",
            f"    body = {_openstep_string(request.body)};", "    headers =     {", *headers,
            "    };",
            f"    method = {_openstep_string(request.method)};", f"    url = {_openstep_string(request.url)};", "}"]


_JEST_MISSED = ("pretty-format with Jest 29's default `escapeString: false` prints a string between double quotes "
               "with nothing in it escaped, so a JSON body's own quotes and line breaks stand in the snapshot as "
               'they are and no quote tells where the string ends but the layout (the last quote before a `,` that '
               "ends a line followed by the next member at the object's indentation): the printed-map grammar reads "
               "a string to its first unescaped quote — F#'s `%A` (the twenty-eighth corpus) is missed for the same "
               "reason; and read so, the request is a mock's call, `[url, {body, headers, method}]` in a list of "
               "calls: a record's list is a call by position only where its method comes first "
               '(record_views.positional_request)')

SHAPES = [case(wolfram_http_request, "replay.log"), case(cbor_diagnostic, "outbox-diag.txt"),
          case(powershell_clixml, "parked.txt"), case(java_xml_encoder, "pending-payouts.xml"),
          case(jest_mock_snapshot, "payouts.test.ts.snap", missed=_JEST_MISSED), case(xdebug_trace, "trace.1201.xt"),
          case(toml_fixture, "parked.toml"), case(macos_defaults_read, "defaults.txt")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
