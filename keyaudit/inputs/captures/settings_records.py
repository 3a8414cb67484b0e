"""A client's settings are no request it sent: a configuration written down is read as one only where a call shows.

The settings of an HTTP client name a method and a URL as a request record does, under the same names: .NET's
``appsettings.json`` (``{"Payouts": {"Iugu": {"Method": "POST", "Url": …}}}``), the same printed as the environment
(``Payouts.Iugu.Method=POST``, ``Payouts__Iugu__Method``), a Kubernetes ConfigMap's ``data``, Helm values, Spring
Boot's ``/actuator/configprops`` (``beans.<bean>.properties``), a Terraform plan's ``values``. What tells the two apart
is where the method sits and what is around it, not the names:

- a settings record files it under sections of its own, objects two deep or more (``Payouts`` → ``Iugu``) below
  the last list on its path (Spring Cloud Config's ``propertySources``; a collection's ``item`` holds its ``request``
  one deep), none of them named for a request (``request``, ``http``, ``req``…: a log's ``{"http": {"request":
  {"method"}}}``), nor reached through a JSON text held in a string (a log line's message);
- and nothing in the whole record says a call was made: no time, no status, no duration, no id of the exchange
  (:func:`.record_ids.request_id`), no reply, no message or level a logger wrote, no body in the request's own object.

A record of a real call carries at least one of those (a log record its time, a client's hook its status); one that
carries none, its method two sections deep, is a description of a client — and is read for the credentials it holds
like any other text, only not as a request that went out.
"""

from __future__ import annotations

from typing import Any

from .record_bodies import BODY
from .record_ids import request_id
from .record_views import MESSAGE, QUALIFIERS, of_reply, role, spellings

TIME = frozenset({"time", "timestamp", "ts", "timelocal", "timeiso8601", "datetime", "date"})
# The call's status code beside its method and URL (`"status": 201`, `statusCode`): the record was written when the
# answer came (see Exchange.answered)
STATUS = spellings("status", "statuscode")
# What a record of one exchange carries that settings never do: when it happened (also as a start, an end or a
# logger's `@t`, `createdAt`), how long it took, its status, a request line, a logger's level beside a message
MOMENT = TIME | spellings("starttime", "endtime", "createdat", "createdon", "loggedat", "sentat", "receivedat",
                          "eventtime", "t", "duration", "durationms", "elapsed", "elapsedms", "elapsedtime", "latency",
                          "took", "responsetime")
EXCHANGE = MOMENT | STATUS | frozenset({"request", "requestline"})
LOGGED = MESSAGE | {"level", "severity", "levelname", "loglevel"}  # a logger's, where a text (not Logging's section)
# A section named for a request (or what a request is qualified by): the object a log record keeps its call in; and
# a workflow's steps, each a request it sends on every run (a Logic Apps or Power Automate definition's `actions`,
# each an HTTP action's `inputs`), described as a collection describes one
REQUEST_SECTIONS = frozenset(QUALIFIERS) | {"request", "call", "outbound", "input", "inputs", "args", "arguments",
                                            "kwargs", "config", "action", "actions", "step", "steps", "task", "tasks"}
MIN_SECTIONS = 2  # settings nest a client's fields two sections deep at least (a service, then its client)


def settings_record(nodes: list[tuple[dict[str, Any], tuple[int, ...], str]], place: tuple[int, ...]) -> bool:
    """Whether the object at ``place`` among a record's ``nodes`` (its objects in their plain views, with their
    paths of child positions, root first) is a client's settings: filed two sections deep or more, and nothing in
    the record saying a call was made (see the module's docstring)."""
    if len(place) < MIN_SECTIONS:
        return False
    views = {where: view for view, where, _ in nodes}
    sections = 0
    for depth in range(len(place)):
        parent = views.get(place[:depth])
        if parent is None or place[depth] >= len(parent):
            return False
        key = list(parent)[place[depth]]
        if not isinstance(parent[key], (dict, list)) or role(key) in REQUEST_SECTIONS:
            return False  # a string's JSON (a logged message), a section named for the request: a record's
        sections = sections + 1 if isinstance(parent[key], dict) else 0  # (a list's items: Spring Cloud Config's)
    node = views.get(place)
    if sections < MIN_SECTIONS:
        return False
    if node is None or any(role(key) in BODY and value for key, value in node.items()):
        return False
    return not any(_exchanged(view) for view in views.values())


def _exchanged(view: dict[str, Any]) -> bool:
    """Whether one object of a record says a call was made: a time, a status, a duration, a request line, a reply,
    a logged message, an exchange's id."""
    for key, value in view.items():
        name = role(key)
        if name in EXCHANGE and value not in (None, "") or of_reply(key) \
                or name in LOGGED and isinstance(value, str):
            return True
    return request_id(view) is not None
