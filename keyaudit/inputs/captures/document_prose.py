"""Where a document (Markdown, reStructuredText) says something rather than shows it: its sentences.

A README or a security note names a URL or a setting to warn against it ("never call
``http://api.iugu.com``"): a sentence uses nothing, while a code block shows what a reader will
run. So a document's prose is every line outside its code: outside a fenced block (```` ``` ```` or
``~~~``, as long as the fence that opened it) and not indented by four columns (Markdown's indented
code) nor in the indented body of a reStructuredText literal block or directive (after a line ending in
``::``, or a ``.. code-block::``, however deep), nor, in Markdown, in an HTML block from a line opening
``<pre>`` to its ``</pre>``. A Markdown block quote's lines are read after its ``>`` marks: a quoted fence
opens a code block as one not quoted does (a GitHub note, ``> [!WARNING]``, quotes the commands it warns
of); reStructuredText has no such marks (a ``>>>`` prompt in a literal block is code). A list item's
continued paragraph, indented four columns, counts as code: a finding is kept where it is not sure.
"""

from __future__ import annotations

import re

DOCUMENT_KINDS = {"md": "markdown", "markdown": "markdown", "mdx": "markdown", "rst": "rst"}
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"(?:[ ]{4}|[ ]{0,3}\t)")
_QUOTED = re.compile(r"(?:[ ]{0,3}>[ ]?)+")  # a block quote's marks, nested or not
# an HTML block opens at a line's start (CommonMark: up to three blanks before it); a `<pre>` named in a sentence
# opens none
_PRE_OPENS, _PRE_CLOSES = re.compile(r"[ ]{0,3}<pre[\s>]", re.I), re.compile(r"</pre\s*>", re.I)


def document_kind(path: str) -> str | None:
    """``markdown`` or ``rst`` where ``path`` names such a document, else None."""
    name = path.rpartition("/")[2]
    return DOCUMENT_KINDS.get(name.rpartition(".")[2].lower()) if "." in name else None


def document_prose(text: str, markdown: bool) -> list[tuple[int, int]]:
    """The (start, end) offsets, in order, of ``text``'s lines of prose: outside fenced, indented and (``markdown``)
    HTML code, a Markdown block quote read after its marks."""
    spans: list[tuple[int, int]] = []
    fence = ""
    block = False  # in the indented body of a reStructuredText literal block or directive
    pre = False  # between an HTML <pre> and its </pre>
    start = 0
    for written in text.splitlines(keepends=True):
        end = start + len(written)
        quoted = _QUOTED.match(written) if markdown else None
        line = written[quoted.end():] if quoted else written
        words = line.strip()
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line[opening.end():].strip():
                fence = ""
        elif pre or (markdown and _PRE_OPENS.match(line)):
            pre = _PRE_CLOSES.search(line) is None
        elif opening:
            fence = opening.group(1)
        elif words and not (block and line[0] in " \t") and not _INDENTED.match(line):
            spans.append((start, end))
            block = words.endswith("::") or words.startswith(".. ")
        start = end
    return spans
