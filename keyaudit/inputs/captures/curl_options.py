"""curl's command-line syntax: which words are options, which options take a value, which are URLs.

Short options come in clusters (``-sSLX``, ``-XPOST``), a value follows its option in the same
or the next word, ``--`` ends the options and ``--next`` starts a second request. What the
options mean for the request is :mod:`.curl_request`'s job.

wget's command line says a request with other words (``--header='Name: value'``,
``--post-data='…'``, ``--method=POST --body-data='…'``; a value after ``=`` or in the next word):
its options are given under the names of the curl options that mean the same (a table), the
others under a name of their own that means nothing to the request.
"""

from __future__ import annotations

from typing import Iterator

_SHORT_WITH_VALUE = {
    "A": "user-agent", "b": "cookie", "c": "cookie-jar", "C": "continue-at", "d": "data",
    "D": "dump-header", "e": "referer", "E": "cert", "F": "form", "H": "header", "K": "config",
    "m": "max-time", "o": "output", "P": "ftp-port", "Q": "quote", "r": "range", "t": "telnet-option",
    "T": "upload-file", "u": "user", "U": "proxy-user", "w": "write-out", "x": "proxy", "X": "request",
    "y": "speed-time", "Y": "speed-limit", "z": "time-cond",
}
_SHORT_FLAGS = {"G": "get", "I": "head", ":": "next"}
# Long options that take a value: a value mistaken for a URL would invent a request.
_LONG_WITH_VALUE = frozenset(set(_SHORT_WITH_VALUE.values()) | {
    "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert-type", "ciphers",
    "connect-timeout", "connect-to", "create-file-mode", "crlfile", "curves", "data-ascii",
    "data-binary", "data-raw", "data-urlencode", "delegation", "dns-interface", "dns-ipv4-addr",
    "dns-ipv6-addr", "dns-servers", "doh-url", "ech", "egd-file", "engine", "etag-compare", "etag-save",
    "expect100-timeout", "form-string", "ftp-account", "ftp-alternative-to-user", "ftp-method",
    "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms", "haproxy-clientip", "hostpubmd5",
    "hostpubsha256", "hsts", "interface", "ip-tos", "ipfs-gateway", "json", "keepalive-cnt",
    "keepalive-time", "key", "key-type", "krb", "libcurl", "limit-rate", "local-port",
    "login-options", "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs",
    "netrc-file", "noproxy", "oauth2-bearer", "output-dir", "parallel-max", "pass", "pinnedpubkey",
    "preproxy", "proto", "proto-default", "proto-redir", "proxy-cacert", "proxy-capath", "proxy-cert",
    "proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-header", "proxy-key",
    "proxy-key-type", "proxy-pass", "proxy-pinnedpubkey", "proxy-service-name",
    "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser", "proxy1.0",
    "pubkey", "random-file", "rate", "request-target", "resolve", "retry", "retry-delay",
    "retry-max-time", "sasl-authzid", "service-name", "socks4", "socks4a", "socks5",
    "socks5-gssapi-service", "socks5-hostname", "stderr", "tftp-blksize", "tls-max",
    "tls13-ciphers", "tlsauthtype", "tlspassword", "tlsuser", "trace", "trace-ascii", "trace-config",
    "unix-socket", "url", "url-query", "variable",
})


# wget's options that say the request, by the curl option that means the same
_WGET_AS_CURL = {"header": "header", "post-data": "data-raw", "body-data": "data-raw", "method": "request",
                 "user-agent": "user-agent", "U": "user-agent", "referer": "referer", "post-file": "upload-file",
                 "body-file": "upload-file"}
_WGET_SHORT_WITH_VALUE = frozenset("OoaTtUePwQlARDXIBi")
_WGET_LONG_WITH_VALUE = frozenset({
    *_WGET_AS_CURL, "output-document", "output-file", "append-output", "timeout", "tries", "execute",
    "directory-prefix", "wait", "quota", "level", "accept", "reject", "domains", "input-file", "base", "load-cookies",
    "save-cookies", "ca-certificate", "certificate", "private-key", "user", "password", "http-user", "http-password",
    "proxy-user", "proxy-password", "bind-address", "limit-rate", "read-timeout", "connect-timeout", "dns-timeout",
    "waitretry", "default-page", "backups", "restrict-file-names"})


def wget_options(words: list[str]) -> Iterator[tuple[str, str | None]]:
    """(curl's name for the option, value or None) for each of a wget command's options (one
    that says nothing of the request under its own name, ``wget-<name>``); URLs as ("url", value)."""
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-") or word == "-":
            yield "url", word
            continue
        if word.startswith("--"):
            name, equals, value = word[2:].partition("=")
            takes_value = bool(equals) or name in _WGET_LONG_WITH_VALUE
            letters = [(name, value if equals else "")] if takes_value else [(name, None)]
        else:
            cut = next((at for at in range(1, len(word)) if word[at] in _WGET_SHORT_WITH_VALUE), len(word))
            letters = [(letter, None) for letter in word[1:cut]]
            letters += [(word[cut], word[cut + 1 :])] if cut < len(word) else []
        for name, value in letters:
            if value == "" and index < len(words):  # the value is the next word
                value, index = words[index], index + 1
            yield _WGET_AS_CURL.get(name, "wget-" + name), value


def options(words: list[str]) -> Iterator[tuple[str, str | None]]:
    """(long option name, value or None) for each option; URLs as ("url", value).

    Stops at ``--next``/``-:``: what follows is a second request with its own options.
    """
    index, options_done = 0, False
    while index < len(words):
        word = words[index]
        index += 1
        if options_done or not word.startswith("-") or word == "-":
            yield "url", word
        elif word == "--":
            options_done = True
        else:
            found = _long_option(word) if word.startswith("--") else _short_options(word)
            for name, takes_value in found:
                if name == "next":
                    return
                if takes_value is None:
                    yield name, None
                elif takes_value or index < len(words):
                    value = takes_value or words[index]
                    index += not takes_value
                    yield name, value


def _long_option(word: str) -> list[tuple[str, str | None]]:
    """``--name``: (name, "" when it takes the next word as value, else None). Every
    ``--expand-<option>`` (curl 8.3 variables) takes a value, like the option it expands."""
    name = word[2:]
    return [(name, "" if name in _LONG_WITH_VALUE or name.startswith("expand-") else None)]


def _short_options(word: str) -> list[tuple[str, str | None]]:
    """A cluster such as ``-sSLX`` or ``-XPOST``: each letter as its long name; the letter that
    takes a value ends the cluster, with the rest of the word as value ("" = the next word)."""
    found: list[tuple[str, str | None]] = []
    for position in range(1, len(word)):
        letter = word[position]
        if letter in _SHORT_WITH_VALUE:
            found.append((_SHORT_WITH_VALUE[letter], word[position + 1 :]))
            break
        found.append((_SHORT_FLAGS.get(letter, letter), None))
    return found
