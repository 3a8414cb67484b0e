"""A request as Node's ``util.inspect`` prints it over lines, and a string as Symfony's VarDumper
prints one: shapes more than one test writes."""

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


def var_dumper_string(key: str, text: str, indent: str = "  ") -> list[str]:
    """``"key" => <text>`` as Symfony's CliDumper writes an array's string member (``indent`` in):
    on its line in double quotes, nothing escaped; a string of several lines opened by three double
    quotes, each line one level further in and ended by a visible ``\\n``, then three double quotes
    (dumpString and style()'s control character map)."""
    lines = text.split("\n")
    if len(lines) == 1:
        return [f'{indent}"{key}" => "{text}"']
    inner = indent + "  "
    return [f'{indent}"{key}" => """', *(f"{inner}{line}\\n" for line in lines[:-1]), f"{inner}{lines[-1]}",
            f'{inner}"""']
