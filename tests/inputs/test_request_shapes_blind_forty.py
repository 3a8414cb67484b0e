"""A fortieth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the E-COMMERCE PLATFORMS' PAYMENT
MODULES that call the gateways log them — a WooCommerce gateway through `WC_Logger::add` (print_r of its
`wp_remote_post` arguments) and through `wc_get_logger()->debug` with the request in the context, both in WooCommerce's
file handler (`wc-logs/<source>-<date>-<hash>.log`), a Magento 2 gateway client through
`Magento\\Payment\\Model\\Method\\Logger` (var_export in Monolog's `payment.log`), a PrestaShop module through the
core's `FileLogger` (print_r, cURL's header list), an OpenCart extension through `$this->log->write` (the URL, the
headers and the body as three entries) and an Odoo payment provider through `_logger.info` of `pprint.pformat` in
the server's log.

Four of the six passed as first written, before the readers were read (WooCommerce's context line, Magento's
var_export, PrestaShop's FileLogger, Odoo's pformat). Two did not: WooCommerce's `add()` entry was not read at all
(the URL in the message before print_r's `Array`, ` CONTEXT: {"_legacy":true}` after its closing `)`), and
OpenCart's four requests were read but none judged unsigned or badly signed (the URL, the headers and the body each
an entry of their own). All six pass now, by two rules.

WooCommerce's passes since an array printed after words that name its URL takes that URL where it names none of its
own (:mod:`keyaudit.inputs.captures.introduced`, used by :mod:`keyaudit.inputs.captures.json_blocks`): the lead-in
line — the one its `Array`, `array (` ends — is where the record is found (it carries the provider's host; the
record's own lines may carry no anchor, a body's lines at the margin) and, naming one absolute URL, what the record
sends to. A lead-in that names two gives none; a record's own URL is kept whatever its lead-in names.

OpenCart's since a request logged part by part may tag each part and leave a label's colon out
(:mod:`keyaudit.inputs.captures.part_lines`): a run opened by a request line behind a program's tag (`IUGU :: POST
<url>`, the tag's colon single or double) reads its other lines after that tag; a label whose words name a part needs
no colon before a value that opens a document (`REQUEST BODY {`, `REQUEST HEADERS Array`); and print_r's array is a
part's value from its `(` to the `)` under it, the blank line after it the run's. Before, the run never began (no
`Label: ` on its first line) and the request was read as a mention, its headers and body never joined to it.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import pprint

from test_php_printed import _var_export
from test_request_shapes_blind_thirteen import _print_r as print_r

from helpers.signed_shapes import Request, case

def _lines(text: str) -> list[str]:
    return text.split("\n")


# --- WooCommerce: WC_Logger through the file handler ------------------------------------------------------------------

def woocommerce_legacy_add_print_r(request: Request) -> list[str]:
    # A WooCommerce gateway logging as iugu's own plugin does (iugu/iugu-woocommerce includes/class-wc-iugu-api.php:
    # `$this->gateway->log->add( $this->gateway->id, '… with the following data: ' . print_r( $data, true ) )`,
    # the request then sent by `wp_remote_post( $url, $params )` with method, sslverify, timeout, headers, body).
    # WC_Logger::add logs at NOTICE with context `source` and `_legacy`; WooCommerce 8.6+'s default handler
    # (src/Internal/Admin/Logging/LogHandlerFileV2.php format_entry) writes `<date('c')> <LEVEL> <message>` and,
    # the context less `source` not being empty, ` CONTEXT: ` and its wp_json_encode.
    params = {"method": request.method, "sslverify": False, "timeout": 60, "headers": dict(request.headers),
              "body": request.body}
    message = f"Requesting {request.url} with the following params: {print_r(params)}"
    return _lines(f'2026-11-22T13:00:30+00:00 NOTICE {message} CONTEXT: {{"_legacy":true}}')


def woocommerce_debug_context(request: Request) -> list[str]:
    # A WooCommerce gateway logging the request as the WC_Logger documentation suggests, the data in the context
    # (developer.woocommerce.com "Logging in WooCommerce": `wc_get_logger()->debug( $message, array( 'source' =>
    # …, … ) )`): LogHandlerFileV2 appends ` CONTEXT: ` and the context less `source` as one line of
    # wp_json_encode with JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES.
    context = {"request": {"method": request.method, "url": request.url, "headers": dict(request.headers),
                           "body": request.body}}
    return [f"2026-11-22T13:00:30+00:00 DEBUG Sending payout request CONTEXT: "
            f"{json.dumps(context, ensure_ascii=False, separators=(',', ':'))}"]


# --- Magento 2 / Adobe Commerce: the payment logger in Monolog's payment.log ------------------------------------------

def magento_payment_logger(request: Request) -> list[str]:
    # A Magento 2 gateway client (Magento\Payment\Gateway\Http\ClientInterface) logging through
    # Magento\Payment\Model\Method\Logger::debug( ['request' => …, 'response' => …] ) (magento/magento2
    # app/code/Magento/Payment/Model/Method/Logger.php: `$this->logger->debug(var_export($data, true))` when the
    # method's `debug` is on, no key masked unless `debugReplaceKeys` says), its logger Magento_Payment's virtual
    # type writing var/log/payment.log through Monolog's LineFormatter with inline line breaks
    # (`[%datetime%] %channel%.%level_name%: %message% %context% %extra%`, channel `main`).
    data = {"request": {"uri": request.url, "method": request.method, "headers": dict(request.headers),
                        "body": request.body},
            "response": {"id": "a5b0c6d1", "status": "processing"}}
    return _lines(f"[2026-11-22T13:00:30.104215+00:00] main.DEBUG: {_var_export(data)} [] []")


# --- PrestaShop: the core FileLogger ----------------------------------------------------------------------------------

def prestashop_file_logger(request: Request) -> list[str]:
    # A PrestaShop module logging its cURL call through the core's FileLogger (`$logger = new FileLogger(0);
    # $logger->setFilename(_PS_ROOT_DIR_ . '/var/logs/iugu_' . date('Ymd') . '.log'); $logger->logDebug($request)`,
    # as e.g. the PlacetoPay module does): FileLogger::logMessage print_r's a message that is not a string and
    # writes `'*' . LEVEL . '* ' . "\t" . date('Y/m/d - H:i:s') . ': ' . $message . "\r\n"`. The headers are the
    # list of `Name: value` lines CURLOPT_HTTPHEADER takes.
    data = {"url": request.url, "method": request.method,
            "headers": {n: f"{name}: {value}" for n, (name, value) in enumerate(request.headers)},
            "body": request.body}
    return _lines(f"*DEBUG* \t2026/11/22 - 13:00:30: {print_r(data)}\r")


# --- OpenCart: the extension's Log ------------------------------------------------------------------------------------

def opencart_log_write(request: Request) -> list[str]:
    # An OpenCart 3 payment extension logging its cURL call in debug mode as OpenCart's own extensions do, one entry
    # a part (`$this->log->write('IUGU :: POST ' . $url)`, then the headers, then the body), OpenCart's Log
    # (opencart/opencart upload/system/library/log.php) writing `date('Y-m-d G:i:s') . ' - ' . print_r($message,
    # true) . "\n"` to system/storage/logs/error.log.
    headers = {n: f"{name}: {value}" for n, (name, value) in enumerate(request.headers)}
    entries = [f"IUGU :: {request.method} {request.url}", f"IUGU :: REQUEST HEADERS {print_r(headers)}",
               f"IUGU :: REQUEST BODY {request.body}"]
    return _lines("\n".join(f"2026-11-22 13:00:30 - {entry}" for entry in entries))


# --- Odoo: a payment provider's _logger.info of pprint.pformat --------------------------------------------------------

def odoo_provider_pformat(request: Request) -> list[str]:
    # An Odoo payment provider's `_<provider>_make_request` logging what it sends as Odoo's payment modules log
    # the data they handle (odoo/odoo addons/payment_*/: `_logger.info("… with data:\n%s", pprint.pformat(data))`),
    # the request sent with `requests.request(method, url, data=body, headers=headers)`; the server's log format
    # (odoo/netsvc.py: `%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s %(perf_info)s`, the
    # perf info `- - -` outside an HTTP request, here the payout cron).
    data = {"url": request.url, "method": request.method, "headers": dict(request.headers), "data": request.body}
    message = f"Sending request to iugu with data:\n{pprint.pformat(data)}"
    return _lines(f"2026-11-22 13:00:30,104 4242 INFO loja odoo.addons.payment_iugu.models.payment_provider: "
                  f"{message} - - -")


SHAPES = [case(woocommerce_legacy_add_print_r, "iugu-2026-11-22-3f9c2a1b8d.log"),
          case(woocommerce_debug_context, "iugu-payouts-2026-11-22-9a4e1c7b02.log"),
          case(magento_payment_logger, "payment.log"), case(prestashop_file_logger, "iugu_20261122.log"),
          case(opencart_log_write, "error.log"), case(odoo_provider_pformat, "odoo-server.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
