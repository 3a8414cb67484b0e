"""A request as Node's ``util.inspect`` prints it over lines: a shape more than one test writes."""

from __future__ import annotations

from helpers.signed_shapes import Request


def js_string(text: str) -> str:
    """A JavaScript single-quoted string, as ``util.inspect`` writes one."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def js_inspect_lines(request: Request) -> list[str]:
    """``console.log(options)`` of a long object: a member a line, a string with line breaks
    broken after each, its pieces joined by ``+``."""
    pieces = request.body.split("\n")
    data = " +\n    ".join(js_string(piece + "\n") for piece in pieces[:-1]) + (" +\n    " if len(pieces) > 1 else "")
    return ["{", "  method: 'POST',", f"  url: {js_string(request.url)},", "  headers: {",
            ",\n".join(f"    {js_string(name)}: {js_string(value)}" for name, value in request.headers), "  },",
            f"  data: {data}{js_string(pieces[-1])}", "}"]
