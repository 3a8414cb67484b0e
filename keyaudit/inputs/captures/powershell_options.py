"""``Invoke-WebRequest`` / ``Invoke-RestMethod`` parameters said as curl's options.

The cmdlets name the request by parameters (learn.microsoft.com, Microsoft.PowerShell.Utility):
``-Uri`` (or the first word without a parameter), ``-Method``/``-CustomMethod`` (GET unless
given), ``-Headers`` a hash literal, ``-ContentType``, ``-UserAgent``, ``-Body``; ``-InFile`` and
``-Form`` send what is not shown. A parameter may be any unique start of its name, its value
after ``:`` or in the next word; a switch takes none. Each is given under the name of the curl
option that means the same, so :mod:`.curl_request` reads them as curl's.

Where the command computes a part (see :mod:`.powershell_words`), the part is unknown, never
absent: a header value is :data:`~.powershell_words.UNKNOWN` (sent, unverified), ``-Headers
$variable`` or a session not made just above leaves every header unknown (``headers-unknown``),
a ``-Body`` that is not a string leaves the body unknown.
"""

from __future__ import annotations

from typing import Iterator

from keyaudit.model.exchange import UNKNOWN

# the parameters that say the request, by the curl option that means the same
_AS_CURL = {"uri": "url", "method": "request", "custommethod": "request", "headers": "header",
            "contenttype": "header", "useragent": "user-agent", "body": "data-raw", "infile": "form", "form": "form",
            "websession": "websession"}
_SWITCHES = frozenset({
    "usebasicparsing", "usedefaultcredentials", "disablekeepalive", "skipcertificatecheck", "passthru",
    "allowunencryptedauthentication", "skipheadervalidation", "skiphttperrorcheck", "resume", "noproxy",
    "allowinsecureredirect", "preserveauthorizationonredirect", "proxyusedefaultcredentials", "followrellink",
    "preservehttpmethodonredirect"})
_OTHERS = ("sessionvariable", "outfile", "timeoutsec", "maximumredirection", "maximumretrycount", "retryintervalsec",
           "proxy", "proxycredential", "certificate", "certificatethumbprint", "credential", "authentication", "token",
           "transferencoding", "httpversion", "sslprotocol", "responseheadersvariable", "statuscodevariable",
           "connectiontimeoutseconds", "operationtimeoutseconds", "unixsocket")
_NAMES = (*_AS_CURL, *_SWITCHES, *_OTHERS)


def _parameter(given: str) -> str:
    """A parameter's full name from any unique start of it (itself when none or several fit)."""
    fits = [name for name in _NAMES if name.startswith(given)]
    return given if given in _NAMES or len(fits) != 1 else fits[0]


def powershell_options(words: list[str | list[tuple[str, str]]]) -> Iterator[tuple[str, str | None]]:
    """(curl's name for the option, value or None) for a cmdlet's words; URLs as ("url", value)."""
    yield "request", "GET"
    index, url_given = 0, False
    while index < len(words):
        word = words[index]
        index += 1
        if isinstance(word, str) and word[:1] == "-" and word[1:2].isalpha():
            name, colon, value = word[1:].partition(":")
            name = _parameter(name.lower())
            if name in _SWITCHES:
                continue
            given: str | list[tuple[str, str]] | None = value if colon else None
            if not colon and index < len(words):
                given, index = words[index], index + 1
            url_given = url_given or name == "uri"
            yield from _value(_AS_CURL.get(name, ""), name, given)
        elif not url_given:
            url_given = True
            yield from _value("url", "uri", word)


def _value(option: str, name: str, value: str | list[tuple[str, str]] | None) -> Iterator[tuple[str, str | None]]:
    """What one parameter's value says, as curl's options."""
    if option == "header" and name == "headers":
        if isinstance(value, list):
            yield from (("header", f"{key}: {text}") for key, text in value)
        else:
            yield "headers-unknown", None
    elif option == "header" and isinstance(value, str):
        yield "header", f"Content-Type: {value}"
    elif option == "websession" and not (isinstance(value, str) and value.startswith("$")):
        yield "headers-unknown", None  # a session's headers are not shown (one made just above has none)
    elif option == "data-raw" and (not isinstance(value, str) or value == UNKNOWN):
        yield "form", ""
    elif option in ("url", "request", "user-agent", "data-raw") and isinstance(value, str) and value != UNKNOWN:
        yield option, value.upper() if option == "request" else value
    elif option == "form":
        yield "form", ""
