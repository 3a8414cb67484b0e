"""JSON Lines: one finding object per line, the same shape as in the JSON report.

Log shippers (Filebeat, Vector, Fluent Bit) read one event per line and need nothing else.
"""

from __future__ import annotations

import json

from keyaudit.report.options import ReportOptions
from keyaudit.report.json import finding_dicts
from keyaudit.model.result import ScanResult


def render(result: ScanResult, options: ReportOptions) -> str:
    return "".join(
        json.dumps(finding, ensure_ascii=False, separators=(",", ":")) + "\n"
        for finding in finding_dicts(result, options)
    )
