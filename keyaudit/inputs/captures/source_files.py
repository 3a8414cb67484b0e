"""Which files are source code that may write a request out, in which family of languages, and how
far a request written there reaches around an anchor (a statement group's lines).

Asked of every file a scan reads (whether its requests are worth reading without a request
marker), so nothing is compiled at import: the test-path pattern is compiled at its first use
(re's cache). Test code (a tests/ or spec/ folder, ``*_test.go``, ``FooTest.java``,
``test_*.py``, ``*.spec.ts``) is not read for requests: a request it writes is a fixture.
"""

from __future__ import annotations

import re

# a source file's extension (a Jenkinsfile's name) -> the family whose literals it writes (see .source_languages)
FAMILY = {**dict.fromkeys(("go", "java", "c", "cc", "cpp", "h", "rs"), "c"), "cs": "csharp",
          **dict.fromkeys(("js", "mjs", "cjs", "jsx", "ts", "tsx"), "js"),
          **dict.fromkeys(("kt", "kts", "dart"), "dollar"),
          **dict.fromkeys(("groovy", "gradle", "jenkinsfile"), "groovy"), **dict.fromkeys(("m", "mm"), "objc"),
          "scala": "scala", "php": "php", **dict.fromkeys(("rb", "ex", "exs", "cr"), "ruby"),
          "py": "python", "swift": "swift", **dict.fromkeys(("pl", "pm"), "perl"), "lua": "lua", "r": "r",
          **dict.fromkeys(("ps1", "psm1"), "powershell"), "jl": "julia", "hs": "haskell", "vb": "vb", "abap": "abap",
          **dict.fromkeys(("pas", "dpr", "lpr"), "pascal"),
          **dict.fromkeys(("clj", "cljs", "cljc"), "lisp"), "nim": "nim",
          **dict.fromkeys(("erl", "hrl"), "erlang"), "zig": "zig",
          **dict.fromkeys(("ml", "mli"), "ocaml"), **dict.fromkeys(("bas", "frm", "vbs"), "vb"),
          **dict.fromkeys(("sql", "pkb", "pks", "pls", "plsql"), "sql"), **dict.fromkeys(("pq", "pqm"), "m"),
          **dict.fromkeys(("cfc", "cfm"), "cfml")}
# What shows a statement a database ran that made an HTTP call itself, in a file that is no source code (a server
# log with every statement, an event capture's batch text, a query history's row): the calls of its own HTTP client
# (pgsql-http's `(…)::http_request`, SQL Server's sp_invoke_external_rest_endpoint, Oracle's UTL_HTTP and
# APEX_WEB_SERVICE). Such a statement is read as SQL source code is, from the text its record holds.
LOGGED_SQL_CALLS = ("::http_request", "sp_invoke_external_rest_endpoint", "UTL_HTTP.", "utl_http.",
                    "APEX_WEB_SERVICE.", "apex_web_service.")
GROUP_BEFORE, GROUP_AFTER = 40, 60  # lines of a statement group around its anchors, at most
_TEST_PATH = (r"(?i)(?:^|[/\\])(?:tests?|spec|specs|__tests__|__mocks__|mocks?|fixtures?|testdata)[/\\]"
              r"|(?:_test|_spec|\.test|\.spec|Tests?|Spec)\.\w+$|(?:^|[/\\])test_[^/\\]*$")


def family(path: str) -> str | None:
    """The family of the source code ``path`` holds, or None (no source code, or test code)."""
    name = path.rpartition("/")[2]
    found = FAMILY.get(name.rpartition(".")[2].lower()) if "." in name or name == "Jenkinsfile" else None
    return None if found is None or re.search(_TEST_PATH, path) else found

