"""Requests recorded as XML elements: a proxy's session export, an XML request log, JMeter's JTL
under any file name. Each shape writes the four money-out requests of :mod:`helpers.signed_shapes`
(real key pairs: a signature verifies only over the body as sent) and must be judged as every
shape is; around them, XML that is no request must give none, and XML built to grow when parsed
must cost only itself."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape
from inputs.test_request_shapes_blind_five import jmeter_jtl_xml

from keyaudit.inputs.captures.xml_records import MAX_EXAMINED, exchanges
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS


def charles_session(request: Request) -> list[str]:
    # A Charles Proxy session saved as XML (.chlsx; charlesproxy.com/documentation/using-charles/
    # sessions: "Charles Session XML"): a <transaction> whose attributes say the method, host and
    # path, its <request> holding <headers> (the first line, then <header><name>/<value>) and <body>.
    headers = [f"        <header><name>{escape(name)}</name><value>{escape(value)}</value></header>"
               for name, value in [("Host", request.host), *request.headers]]
    return [f'  <transaction status="COMPLETE" method="{request.method}" protocolVersion="HTTP/1.1" protocol="https" '
            f'host="{request.host}" port="443" path="{request.path}" query="" clientPort="51234">',
            '    <request headers="true" body="true" mime-type="application/json" charset="UTF-8">',
            "      <headers>",
            f"        <first-line><![CDATA[{request.method} {request.path} HTTP/1.1]]></first-line>",
            *headers,
            "      </headers>",
            f'      <body encoding="plain"><![CDATA[{request.body}]]></body>',
            "    </request>",
            '    <response status="201" headers="true" body="false"></response>',
            "  </transaction>"]


def xml_log_line(request: Request) -> list[str]:
    # An application's log line whose message is the request as XML (a SOAP-era client's or an
    # XML log layout's): each header an element with its name as an attribute, the body escaped.
    headers = "".join(f"<header name={quoteattr(name)}>{escape(value)}</header>" for name, value in request.headers)
    record = (f"<outboundRequest><method>{request.method}</method><url>{escape(request.url)}</url>"
              f"<headers>{headers}</headers><body>{escape(request.body)}</body></outboundRequest>")
    return [f"2026-11-22 13:00:01,204 DEBUG [payouts] http.client - {record}"]


def burp_saved_items(request: Request) -> list[str]:
    # Burp Suite's "Save items" as XML (portswigger.net/burp/documentation/desktop/tools/proxy/
    # http-history: an <item> a request, its raw bytes in <request base64="true">), one item.
    head = "".join(f"{name}: {value}\r\n" for name, value in [("Host", request.host), *request.headers])
    raw = f"{request.method} {request.path} HTTP/1.1\r\n{head}Content-Length: {len(request.body.encode())}\r\n\r\n"
    encoded = base64.b64encode(raw.encode() + request.body.encode()).decode()
    return ["  <item>", "    <time>Sun Nov 22 10:00:00 BRT 2026</time>", f"    <url><![CDATA[{request.url}]]></url>",
            f'    <host ip="203.0.113.7">{request.host}</host>', "    <port>443</port>", "    <protocol>https</protocol>",
            f"    <method><![CDATA[{request.method}]]></method>", f"    <path><![CDATA[{request.path}]]></path>",
            "    <extension>null</extension>", f'    <request base64="true"><![CDATA[{encoded}]]></request>',
            "    <status>201</status>", "    <responselength>120</responselength>", "    <mimetype>JSON</mimetype>",
            '    <response base64="true"><![CDATA[SFRUUC8xLjEgMjAxIENyZWF0ZWQNCg0K]]></response>',
            "    <comment></comment>", "  </item>"]


@pytest.mark.parametrize(("shape", "name"), [(charles_session, "session.chlsx"), (xml_log_line, "app.log"),
                                             (jmeter_jtl_xml, "results.xml"), (jmeter_jtl_xml, "jmeter.log"),
                                             (burp_saved_items, "burp-items.xml")])
def test_a_request_recorded_as_xml_is_judged_as_every_shape_is(shape: object, name: str, tmp_path: Path) -> None:
    check_shape(shape, tmp_path, name)  # type: ignore[arg-type]


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), 1))


def test_the_request_is_placed_on_the_line_its_element_opens_on() -> None:
    lines = _lines('<log>\n  <entry>\n    <verb>POST</verb>\n    <address>https://api.iugu.com/v1/transfer_requests'
                   '</address>\n  </entry>\n</log>')
    found = list(exchanges(lines, [lines[3]], "app.xml", NO_RECORD_HEADERS))
    assert [(item.origin.line, item.origin.capture, item.method, item.url) for item in found] == [
        (2, "xml", "POST", "https://api.iugu.com/v1/transfer_requests")]


def test_an_element_that_names_no_request_gives_none(tmp_path: Path) -> None:
    # an HTML page and an RSS item link to the API: no method, no request (the plain URL is the
    # text rules' finding, not a request's)
    page = tmp_path / "docs.html"
    page.write_text('<html><body>\n<p>See <a href="http://api.iugu.com/v1/transfer_requests">transfers</a></p>\n'
                    '<item><title>POST</title><link>http://api.iugu.com/v1/transfer_requests</link></item>\n'
                    "</body></html>\n")
    report, _ = scan_json(str(page))
    assert report["scan"]["requests"].get("requests_judged", 0) == 0
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []


def test_an_element_that_declares_entities_is_not_expanded(tmp_path: Path) -> None:
    # a "billion laughs" in a record: never expanded, the request beside it still read
    laughs = ('<request><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><method>POST</method>'
              "<url>https://api.iugu.com/v1/transfer_requests</url><body>&c;&c;&c;&c;</body></request>")
    plain = ('<request><method>POST</method><url>https://api.iugu.com/v1/transfer_requests</url>'
             "<headers><header name=\"Content-Type\">application/json</header></headers>"
             f"<body>{escape(json.dumps({'amount_cents': 100}))}</body></request>")
    log = tmp_path / "app.log"
    log.write_text(f"{laughs}\n{'filler line ' * 3}\n" * 2 + f"{plain}\n")
    report, code = scan_json(str(log))
    assert report["errors"] == []
    assert [f["rule_id"] for f in report["findings"]] == ["iugu-unsigned-transfer"]
    assert report["scan"]["requests"]["requests_judged"] == 1


def test_elements_of_the_same_name_inside_the_record_are_counted_to_its_close() -> None:
    text = ("<call>\n <call><note>inner</note></call>\n <method>POST</method>\n"
            " <url>https://api.asaas.com/v3/transfers</url>\n <empty/>\n <call/>\n</call>")
    lines = _lines(text)
    found = list(exchanges(lines, [lines[3]], "app.xml", NO_RECORD_HEADERS))
    assert [(item.origin.line, item.url) for item in found] == [(1, "https://api.asaas.com/v3/transfers")]



def test_elements_nested_without_end_cost_only_their_depth(tmp_path: Path) -> None:
    deep = "<a>" * 5000 + "<method>POST</method><url>https://api.iugu.com/v1/transfer_requests</url>" + "</a>" * 5000
    log = tmp_path / "app.log"
    log.write_text(deep + "\n" + "<call><method>POST</method><url>https://api.asaas.com/v3/transfers</url>"
                   "<headers><header name=\"access_token\">***</header></headers></call>\n")
    report, _ = scan_json(str(log))
    assert report["errors"] == []
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["asaas-unsigned-transfer"]


def test_the_elements_around_an_anchor_are_looked_for_among_the_nearest_openings() -> None:
    # an HTML page opens a tag on every line: an anchor looks at the MAX_EXAMINED nearest
    # openings only, so a page of such lines costs each anchor a bounded look (it cost minutes)
    def page(paragraphs: int) -> list[tuple[int, str]]:
        return _lines("<page>\n" + "<p>see the docs</p>\n" * paragraphs
                      + "<method>POST</method><url>https://api.iugu.com/v1/transfer_requests</url>\n</page>")

    near, far = page(8), page(MAX_EXAMINED + 8)
    assert [item.origin.line for item in exchanges(near, [near[-2]], "page.xml", NO_RECORD_HEADERS)] == [1]
    assert list(exchanges(far, [far[-2]], "page.xml", NO_RECORD_HEADERS)) == []



def _packet(fields: list[str]) -> list[tuple[int, str]]:
    return _lines("\n".join(["<packet>", '  <proto name="http" pos="66">', *fields, "  </proto>", "</packet>"]))


def test_elements_named_by_an_attribute_are_the_fields_of_their_list() -> None:
    """PDML's fields: each `<field>` names its field by `name` and shows its value (`show`), a
    protocol's fields under the unnamed text item they dissect are members too, a name repeated is
    a list (each header line), and a body's bytes are shown in hex, byte by byte."""
    body = b'{"amount_cents":1050}'
    lines = _packet([
        '    <field name="" show="POST /v1/transfer_requests HTTP/1.1\\r\\n" value="504f5354">',
        '      <field name="http.request.method" show="POST" value="504f5354"/>',
        '      <field name="http.request.uri" show="/v1/transfer_requests" value="2f7631"/>', "    </field>",
        '    <field name="http.host" show="api.iugu.com" value="486f7374"/>',
        '    <field name="http.request.line" show="Host: api.iugu.com&#13;&#10;" value="486f7374"/>',
        '    <field name="http.request.line" show="Content-Type: application/json&#13;&#10;" value="436f6e74"/>',
        f'    <field name="http.file_data" show="{":".join(f"{byte:02x}" for byte in body)}" value="{body.hex()}"/>'])
    found = list(exchanges(lines, [lines[5]], "capture.xml", NO_RECORD_HEADERS))
    assert [(item.method, item.url, item.headers, item.body) for item in found] == [
        ("POST", "https://api.iugu.com/v1/transfer_requests",
         [("Host", "api.iugu.com"), ("Content-Type", "application/json")], body)]


def test_elements_named_by_an_attribute_that_show_nothing_are_no_fields() -> None:
    """An HTML form's inputs name a method and a URL by `name`, their values in `value`: a page's
    form, no request sent; PDML's fields with no `show` say nothing either."""
    form = _lines('<form>\n  <input name="method" value="POST"/>\n'
                  '  <input name="url" value="https://api.iugu.com/v1/transfer_requests"/>\n</form>')
    assert list(exchanges(form, [form[2]], "page.html", NO_RECORD_HEADERS)) == []
    unshown = _packet(['    <field name="http.request.method" value="504f5354"/>',
                       '    <field name="http.request.full_uri" value="68747470"/>',
                       '    <field name="http.host" size="12" value="6170692e697567752e636f6d"/>'])
    assert list(exchanges(unshown, [unshown[4]], "capture.xml", NO_RECORD_HEADERS)) == []


def test_elements_whose_tag_says_headers_are_a_list_of_name_value_entries() -> None:
    """Tsung's `<http_header name=… value=…/>` children are the request's headers, each its name and
    value, and the body is the `contents` attribute, its line feeds written as character references; an
    HTML form's inputs of the same attributes stay no fields (the previous test)."""
    lines = _lines('<request>\n  <http url="https://api.iugu.com/v1/transfer_requests" method="POST" '
                   'contents="{&#10;&quot;amount_cents&quot;:1050&#10;}">\n'
                   '    <http_header name="Content-Type" value="application/json"/>\n'
                   '    <http_header name="Signature" value="signature=c2ln"/>\n  </http>\n</request>')
    found = list(exchanges(lines, [lines[1]], "tsung.xml", NO_RECORD_HEADERS))
    assert [(item.method, item.url, item.headers, item.body) for item in found] == [
        ("POST", "https://api.iugu.com/v1/transfer_requests",
         [("Content-Type", "application/json"), ("Signature", "signature=c2ln")], b'{\n"amount_cents":1050\n}')]


def test_an_element_cut_from_its_document_has_the_prefixes_its_ancestors_declared() -> None:
    """A BPMN model's service task uses the `camunda:` prefix the document's root declares: the
    elements around an anchor, each parsed alone, have it declared for them (expat refuses a prefix
    bound nowhere), and the parameters each named by `name`, of two tags (input and output), are the
    task's fields; the headers parameter holds a map whose entries are named by `key`."""
    lines = _lines("\n".join([
        "      <camunda:connector>", "        <camunda:inputOutput>",
        '          <camunda:inputParameter name="url">https://api.iugu.com/v1/transfer_requests'
        '</camunda:inputParameter>',
        '          <camunda:inputParameter name="method">POST</camunda:inputParameter>',
        '          <camunda:inputParameter name="headers">', "            <camunda:map>",
        '              <camunda:entry key="Signature">signature=c2ln</camunda:entry>', "            </camunda:map>",
        "          </camunda:inputParameter>",
        '          <camunda:inputParameter name="payload">{\n"amount_cents":1050\n}</camunda:inputParameter>',
        '          <camunda:outputParameter name="status">${statusCode}</camunda:outputParameter>',
        "        </camunda:inputOutput>", "      </camunda:connector>"]))
    found = list(exchanges(lines, [lines[2]], "payout.bpmn", NO_RECORD_HEADERS))
    assert [(item.method, item.url, item.headers, item.body) for item in found] == [
        ("POST", "https://api.iugu.com/v1/transfer_requests", [("Signature", "signature=c2ln")],
         b'{\n"amount_cents":1050\n}')]



def test_a_declaration_escaped_in_an_element_s_text_declares_no_prefix() -> None:
    """An element whose text holds an XML fragment escaped (a SoapUI setting's `&lt;xml-fragment
    xmlns:con="…">`) declares nothing there: the prefix its tags use is still declared for it, and
    the element is read (before, the escaped declaration was taken for one and expat refused it)."""
    lines = _lines("\n".join([
        '<con:request name="Request 1" method="POST">',
        '  <con:setting id="headers">&lt;xml-fragment xmlns:con="http://eviware.com/soapui/config">'
        '&lt;/xml-fragment></con:setting>',
        "  <con:endpoint>https://api.iugu.com/v1/transfer_requests</con:endpoint>",
        "</con:request>"]))
    found = list(exchanges(lines, [lines[2]], "project.xml", NO_RECORD_HEADERS))
    assert [(item.method, item.url) for item in found] == [("POST", "https://api.iugu.com/v1/transfer_requests")]


def test_a_serializer_s_typed_values_are_the_values_of_the_fields_it_names() -> None:
    """XMLEncoder names a bean's property by `property` and writes its value in a typed element,
    a map's entries as `put` calls; CliXML names an entry's key and value by `N` in a `<DCT>`, a
    type's names in `<TN>`, a string's line breaks `_x000A_`; an empty dictionary is an empty map."""
    encoded = _lines('<object class="Pending">\n <void property="headers">\n  <void method="put">\n'
                     '   <string>Request-Time</string>\n   <string>now</string>\n  </void>\n </void>\n'
                     ' <void property="method">\n  <string>POST</string>\n </void>\n <void property="url">\n'
                     '  <string>https://api.iugu.com/v1/transfer_requests</string>\n </void>\n'
                     ' <void property="body">\n  <string>{\n&quot;a&quot;:1}</string>\n </void>\n</object>')
    found = list(exchanges(encoded, [encoded[11]], "pending.xml", NO_RECORD_HEADERS))
    assert [(item.method, item.headers, item.body) for item in found] == [("POST", [("Request-Time", "now")],
                                                                           b'{\n"a":1}')]

    def entry(key: str, value: str) -> str:
        return f'<En><S N="Key">{key}</S>{value}</En>'

    def clixml(headers: str) -> list[tuple[int, str]]:
        return _lines('<Obj RefId="0"><TN RefId="0"><T>System.Collections.Hashtable</T></TN><DCT>\n'
                      + entry("Method", '<S N="Value">POST</S>') + "\n"
                      + entry("Uri", '<S N="Value">https://api.iugu.com/v1/transfer_requests</S>') + "\n"
                      + entry("Headers", f'<Obj N="Value" RefId="1"><TNRef RefId="0" /><DCT>{headers}</DCT></Obj>')
                      + "\n" + entry("Body", '<S N="Value">{_x000A_"a":1}</S>') + "\n</DCT></Obj>")

    signed, unsigned = clixml(entry("Request-Time", '<S N="Value">now</S>')), clixml("\n")
    assert [(item.headers, item.headers_known, item.body) for item in exchanges(
        signed, [signed[2]], "parked.xml", NO_RECORD_HEADERS)] == [([("Request-Time", "now")], True, b'{\n"a":1}')]
    assert [(item.headers, item.headers_known) for item in exchanges(
        unsigned, [unsigned[2]], "parked.xml", NO_RECORD_HEADERS)] == [([], True)]


def _sampler(path: str, body: str, headers: dict[str, str]) -> list[str]:
    """A JMeter sampler with a raw body and, in the hashTree after it, its own HeaderManager (JMeter 5.6's .jmx)."""
    entries = [line for name, value in headers.items() for line in (
        '              <elementProp name="" elementType="Header">',
        f'                <stringProp name="Header.name">{name}</stringProp>',
        f'                <stringProp name="Header.value">{value}</stringProp>', "              </elementProp>")]
    return ['        <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="call">',
            '          <boolProp name="HTTPSampler.postBodyRaw">true</boolProp>',
            '          <elementProp name="HTTPsampler.Arguments" elementType="Arguments">',
            '            <collectionProp name="Arguments.arguments">',
            '              <elementProp name="" elementType="HTTPArgument">',
            '                <boolProp name="HTTPArgument.always_encode">false</boolProp>',
            f'                <stringProp name="Argument.value">{escape(body)}</stringProp>',
            '                <stringProp name="Argument.metadata">=</stringProp>',
            "              </elementProp>", "            </collectionProp>", "          </elementProp>",
            '          <stringProp name="HTTPSampler.domain">api.iugu.com</stringProp>',
            '          <stringProp name="HTTPSampler.protocol">https</stringProp>',
            f'          <stringProp name="HTTPSampler.path">{path}</stringProp>',
            '          <stringProp name="HTTPSampler.method">POST</stringProp>', "        </HTTPSamplerProxy>",
            "        <hashTree>",
            '          <HeaderManager guiclass="HeaderPanel" testclass="HeaderManager" testname="HTTP Header Manager">',
            '            <collectionProp name="HeaderManager.headers">', *entries, "            </collectionProp>",
            "          </HeaderManager>", "          <hashTree/>", "        </hashTree>"]


def test_a_test_plan_s_samplers_each_take_the_header_manager_beside_them() -> None:
    """A JMeter plan's thread group runs two samplers, each with a HeaderManager in the hashTree after it: each
    sampler's properties (`HTTPSampler.method`, the one nameless argument's value, its raw body) and the headers
    beside it are one request, and the thread group's hashTree around both is neither's."""
    signed = {"Content-Type": "application/json", "Signature": "signature=c2ln", "Request-Time": "2026-12-05T10:00:00Z"}
    lines = list(enumerate(["<hashTree>", *_sampler("/v1/transfer_requests", '{"amount_cents":100}', signed),
                            *_sampler("/v1/transfers", '{"amount_cents":200}', {"Content-Type": "application/json"}),
                            "</hashTree>"], 1))
    anchored = [(number, text) for number, text in lines if "HTTPSampler.path" in text]
    found = list(exchanges(lines, anchored, "plan.jmx", NO_RECORD_HEADERS))
    assert [(item.url.rpartition("/")[2], item.headers, item.body) for item in found] == [
        ("transfer_requests", list(signed.items()), b'{"amount_cents":100}'),
        ("transfers", [("Content-Type", "application/json")], b'{"amount_cents":200}')]


def test_a_map_s_value_entry_is_a_member_not_the_value_the_map_holds(tmp_path: Path) -> None:
    """A Camunda http-connector's payload written as a ``camunda:map`` whose entries are the token and a ``value``
    (the amount): the map is the body, both entries in it; only a collection's item named ``""`` (JMeter's nameless
    argument) is the value it holds. The token over plain HTTP is found."""
    entry = '              <camunda:entry key="{}">{}</camunda:entry>'
    model = tmp_path / "payout.bpmn"
    model.write_text("\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="http://bpmn.io/schema/bpmn">',
        '  <bpmn:process id="payout" isExecutable="true">', '    <bpmn:serviceTask id="Send" name="Send">',
        "      <bpmn:extensionElements>", "        <camunda:connector>", "          <camunda:inputOutput>",
        '            <camunda:inputParameter name="url">http://api.iugu.com/v1/charge</camunda:inputParameter>',
        '            <camunda:inputParameter name="method">POST</camunda:inputParameter>',
        '            <camunda:inputParameter name="payload">', "              <camunda:map>",
        entry.format("api_token", iugu_token()), entry.format("value", "150"), "              </camunda:map>",
        "            </camunda:inputParameter>", "          </camunda:inputOutput>",
        "          <camunda:connectorId>http-connector</camunda:connectorId>", "        </camunda:connector>",
        "      </bpmn:extensionElements>", "    </bpmn:serviceTask>", "  </bpmn:process>", "</bpmn:definitions>", ""]))
    report, _ = scan_json(str(model))
    assert ("credential-over-plaintext-http", 7) in {(f["rule_id"], f["location"]["line"]) for f in report["findings"]}
