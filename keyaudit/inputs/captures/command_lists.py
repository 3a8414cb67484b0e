"""A command kept in a structured record as the list of its words — a container's ``command`` and
``args`` (a Kubernetes pod's, Docker's ``Entrypoint`` and ``Cmd``, an ECS task's ``entryPoint`` and
``command``), a job's ``argv`` — read as the request it sends where its tool is one the command
reader knows (curl, wget, HTTPie: :data:`.curl_request.TOOLS`).

No shell splits such words: each item is one argument as the program receives it (a body's line
breaks and quotes are its own), so the words go to :func:`.curl_request.command_exchange` as they
are. The request is a record of its parts (method, url, headers, body) that the generic
reconstructor (:mod:`.records`) reads as a child of the object that holds the lists, as it reads
a call's positional arguments.
"""

from __future__ import annotations

from typing import Any

from keyaudit.model.exchange import Origin

from .curl_request import TOOLS, command_exchange
from .record_views import role, spellings

# The list naming the program (and maybe its first arguments), and the list of the arguments after it
COMMAND = spellings("command", "cmd", "entrypoint", "argv", "exec")
ARGUMENTS = spellings("args", "arguments", "argv")
_NOWHERE = Origin("-", 1, capture="command-list")


def command_request(node: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """The request the command a member of ``node`` lists sends (its words in a list under a name
    for a command, the arguments after them in one for arguments: a container's entrypoint and
    its args are one command line), as a record of its parts, with the place of that member among
    the node's; None where no such list names a known tool, or the command names no URL."""
    if list not in map(type, node.values()):  # asked of every object of every record read: at C speed first
        return None
    lists = [(index, role(key), value) for index, (key, value) in enumerate(node.items())
             if type(value) is list and value and all(type(item) is str for item in value)]
    place, command = next(((index, value) for index, name, value in lists
                           if name in COMMAND and _tool(value[0]) is not None), (0, None))
    if command is None:
        return None
    arguments = next((value for _, name, value in lists if name in ARGUMENTS and value is not command), [])
    words = [*command, *arguments]
    tool = _tool(words[0])
    exchange = command_exchange(words[1:], _NOWHERE, tool) if tool is not None else None
    if exchange is None:
        return None
    record: dict[str, Any] = {"method": exchange.method, "url": exchange.url,
                              "headers": [[name, value] for name, value in exchange.headers]}
    if exchange.body is not None:
        record["body"] = exchange.body.decode("utf-8", "surrogateescape")
    return place, record


def _tool(program: str) -> str | None:
    """The tool a program's path names (``/usr/bin/curl``, ``curl.exe``), where the command
    reader knows it."""
    name = program.rsplit("/", 1)[-1].lower().removesuffix(".exe")
    return name if name in TOOLS and name != "powershell" else None
