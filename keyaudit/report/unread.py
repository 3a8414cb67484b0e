"""What a scan did not read whole, in the words every report format uses.

A cut said only by the text summary is silent to whoever reads another format: a code-scanning UI
shows a SARIF run's notifications, not the summary line on a terminal, and a run whose long records
were read in part must not look there like one that read everything. So the sentences are made
once, here, from the scan's statistics, and each format carries them its own way.
"""

from __future__ import annotations

from keyaudit.model.result import ScanResult

# (statistic, what it counts): the bounds past which a part of an input is not read, each counted by the scan
CUT_STATISTICS = (("request_lines_cut", "line{} too long to read whole for requests"),
                  ("request_records_cut", "record{} not read whole for requests"),
                  ("payloads_cut", "encoded payload{} read only in part"),
                  ("gated_lines_cut", "line{} longer than a buffer searched in part: a provider named only further on"),
                  ("sql_tuples_cut", "SQL statement{} read up to a tuple over 4 KiB cut by a 1 MiB buffer's end"),
                  ("declared_calls_cut", "call{} on a declarative client not kept for the interfaces of other files"))


def cuts(result: ScanResult) -> list[str]:
    """One sentence for each bound the scan read some input only up to (``3 records not read whole
    for requests``); none when everything was read whole."""
    sentences = []
    for statistic, what in CUT_STATISTICS:
        if count := result.statistics.get(statistic, 0):
            sentences.append(f"{count} {what.format('s' if count != 1 else '')}")
    if result.binary_cut:  # a binary file's strings past the bound (a file's, or a commit hook's in all)
        sentences.append(result.binary_cut)
    return sentences


def read_in_part(result: ScanResult) -> str | None:
    """The cuts as the one sentence a JSON Lines line or an ECS event carries: a SIEM that sees only the events of
    a run must still learn that its long records were read in part. None when everything was read whole."""
    return "; ".join(cuts(result)) or None
