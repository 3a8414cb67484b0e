"""A session: one scan from a :class:`~keyaudit.config.Config` to a :class:`ScanResult`.

Set-up builds what the scan needs — the scanner (from the same spec Dask workers build theirs
from), the baseline filter, the state, the staged files, the executor — and turns every way that
can fail into one :class:`SetupError` line. A run plans the units, takes those an interrupted
run finished from the state, executes the rest, merges every tally in plan order (so the report
never depends on timing) into a spool, then filters and folds the findings there.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Callable, ContextManager, Iterable, Iterator, Sequence

from keyaudit.config import Config
from keyaudit.engine import SMALL_SCAN_BYTES, EngineUnavailable
from keyaudit.model.findings import Finding
from keyaudit.model.result import STAGED_BINARY_BYTES, ScanError, ScanResult, utc_now
from keyaudit.rulebook.cache import refusal as cache_refusal
from keyaudit.rulebook.errors import RuleError, SignatureKeyError
from keyaudit.run.across_files import DeclaredAcross
from keyaudit.run.builder import ScannerSpec
from keyaudit.run.executors import Executor, Finished
from keyaudit.run.executors.cluster import DASK_EXTRA, ClusterError, ClusterExecutor, dask_installed
from keyaudit.run.executors.forked import ForkedExecutor, local_workers
from keyaudit.run.executors.serial import SerialExecutor
from keyaudit.run.filters import BaselineError, FindingFilter, load_baseline
from keyaudit.run.gzip_cutting import Costs, Cutting, measured
from keyaudit.run.ordering import PlanOrder
from keyaudit.run.placing import ScanFrame
from keyaudit.run.ranges_merged import RangesMerged
from keyaudit.run.scope import files_within, scope, target_folders
from keyaudit.run.spool import SPILL_AT, FindingSpool
from keyaudit.run.state import ScanState, StateError
from keyaudit.run.tally import Tally
from keyaudit.run.file_top import open_tables
from keyaudit.run.units import RANGE_BYTES, WorkUnit, plan_units, with_resume
from keyaudit.sources.ignore import gitignore_spec
from keyaudit.sources.remote import RemoteError, filesystem_for, is_url
from keyaudit.sources.targets import Discovery, Target, in_memory

if TYPE_CHECKING:
    from keyaudit.model.verification import Verification
    from keyaudit.sources.git import StagedFiles
    from keyaudit.verify import Candidates, Transport

# on_progress(total bytes, total units) gives a context whose callable hears (bytes, findings) of each finished unit.
ProgressDisplay = Callable[[int, int], ContextManager[Callable[[int, int], None]]]


class SetupError(Exception):
    """The scan cannot start (rules, engine, keys, baseline, state, git, URLs, cluster); ``str()``: the user's line."""


class Session:
    """One scan's resources and its run; close it (or use ``with``) to release the state.

    ``held`` is content this process holds (the Python API's text and bytes), scanned instead of
    ``config.targets``, as staged blobs are with ``staged``. With ``config.verify``, ``say``
    hears the line that tells how many requests go to which hosts before they are sent, and
    ``transport`` (tests: a trusted certificate, loopback stand-ins for the providers) carries them."""

    def __init__(self, config: Config, *, range_bytes: int = RANGE_BYTES, spill_at: int = SPILL_AT,
                 held: Sequence[Target] | None = None, say: Callable[[str], None] = lambda _line: None,
                 transport: "Transport | None" = None, gzip_costs: Callable[[Target], Costs | None] | None = None) -> None:
        self.config = config
        self._say, self._transport = say, transport
        self._collecting: Candidates | None = None
        self._across = DeclaredAcross()  # what source files declared and left waiting for the others
        self._range_bytes = range_bytes
        # What a big single-member gzip file costs to decode and to scan: measured on its first
        # text with this session's scanner, unless given (figures a caller already knows).
        self._gzip_costs = gzip_costs or (lambda target: measured(target, self._probe))
        self._spill_at = spill_at
        self._held = held
        self._staged = _staged_files() if config.staged else None
        self.spec = ScannerSpec(tuple(map(str, config.rules)), config.disable, config.engine,
                                tuple(map(str, config.public_keys)), config.rule_time,
                                config.request_time_window,
                                None if config.staged else ScanFrame(str(config.base), target_folders(config.targets)),
                                small=held is None and self._reads_little())
        self.digest_key = config.digest_key.encode() if config.digest_key else None
        self.state: ScanState | None = None
        self._planned: list[str] = []  # the files the last run planned, as the scan reads them
        try:
            self.scanner = self.spec.build()
            if config.staged:  # a commit hook: what it reads of binary content is bounded for the whole commit
                self.scanner.binary_budget.left = STAGED_BINARY_BYTES
            baseline = load_baseline(config.baseline) if config.baseline else frozenset()
            for target in filter(is_url, config.targets):
                filesystem_for(target, dict(config.storage_options))  # a missing extra is a usage error
            if config.scheduler and not dask_installed():
                raise SetupError(f"--scheduler needs Dask distributed: {DASK_EXTRA}")
            self.state = ScanState(config.state, warn=lambda line: say(f"warning: {line}")) if config.state else None
        except (RuleError, EngineUnavailable, SignatureKeyError, BaselineError, StateError, RemoteError) as exc:
            raise SetupError(str(exc)) from None
        self.filter = FindingFilter(baseline, config.allowed_digests, self.digest_key, config.only_verified)
        try:
            self._exclude = gitignore_spec(list(config.exclude)) if config.exclude else None
        except ValueError as exc:
            self.close()
            raise SetupError(f"exclude: {exc}") from None

    def _reads_little(self) -> bool:
        """Whether the scan reads at most :data:`~keyaudit.engine.SMALL_SCAN_BYTES` of local files,
        which the engine is chosen for (staged files measured as the index has them: the scan reads those)."""
        if self._staged is None:
            return files_within(list(map(str, self.config.targets)), SMALL_SCAN_BYTES)
        from keyaudit.sources.git import GitError

        try:
            return self._staged.size() <= SMALL_SCAN_BYTES
        except GitError:
            return False  # the scan says why, as it reads them

    @property
    def paths_read(self) -> frozenset[str]:
        """The files the last run planned, as reports name them (credentials in names redacted)."""
        return frozenset(map(self.scanner.names.path, self._planned))

    @property
    def warnings(self) -> list[str]:
        """One line for each user rule that cannot anchor on its keywords or can backtrack
        exponentially, one for each --public-key too short to trust, and one for a cache folder
        that is not safe to use."""
        refused = cache_refusal()
        return self.scanner.rules.warnings + self.scanner.key_warnings + ([refused] if refused else [])

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self.state is not None:
            self.state.close()

    def stage(self, delivery: Path) -> None:
        """Keep the scanned progress in the state under ``delivery``, the temporary file the
        report is about to be renamed from (so a run killed on either side of the rename is
        settled by the next one: reported exactly once)."""
        if self.state is not None:
            with contextlib.suppress(StateError):  # kept in memory instead: commit records it, or says why not
                self.state.stage(delivery)

    def commit(self) -> None:
        """Record the scanned progress in the state: call it once the report is out, so a run
        killed before that point is redone whole."""
        if self.state is not None:
            self.state.commit()

    def _given(self) -> tuple[list[Target], Path] | None:
        """Targets read by this process rather than discovered — staged blobs, held content — and
        the folder their names are relative to; None to discover ``config.targets``."""
        if self._staged is not None:
            return self._staged.targets(), self._staged.root
        if self._held is not None:
            return list(self._held), self.config.base
        return None

    def _plan(self, discovery: Discovery) -> list[WorkUnit]:
        config, state = self.config, self.state
        given = self._given()
        if given is not None:
            targets, root = given
            units = [WorkUnit(t) for t in targets if not discovery.excluded(root / t.display, t.display)]
        else:  # with --state a resumed file is read from where it stopped, in one piece
            workers = 1 if config.scheduler else local_workers(config.jobs)  # Dask: fewer, 64 MiB units
            spread = bool(config.scheduler) or workers > 1
            cutting = Cutting(None if config.scheduler else workers, self._gzip_costs) if spread else None
            matcher = self.scanner.detector.matcher
            units = plan_units(list(config.targets), discovery, self._range_bytes, split=state is None,
                               workers=workers, cut_gzip=spread, cutting=cutting,
                               whole_top=lambda top: bool(open_tables(top, matcher)))
        return [with_resume(unit, state) for unit in units] if state is not None else units

    def _probe(self, display: str, text: bytes) -> None:
        """Scan ``text`` as the file ``display`` begins, for its cost only (the plan times it)."""
        self.scanner.scan(WorkUnit(in_memory(display, text)))

    def _executor(self) -> Executor:
        if self.config.scheduler:
            return ClusterExecutor(self.spec, self.config.scheduler)
        return ForkedExecutor(self.scanner, self.config.jobs)

    def _execute(self, units: list[WorkUnit]) -> Finished:
        """Each unit's tally by position, as units finish: what the executor's workers cannot
        read (stdin, staged blobs) is scanned here first."""
        executor = self._executor()
        here = [position for position, unit in enumerate(units) if not executor.reaches(unit)]
        there = [position for position, unit in enumerate(units) if executor.reaches(unit)]
        for index, tally in SerialExecutor(self.scanner).run([units[position] for position in here]):
            yield here[index], tally
        try:
            for index, tally in executor.run([units[position] for position in there]):
                yield there[index], tally
        except ClusterError as exc:  # the cluster cannot be reached: nothing could have run
            raise SetupError(str(exc)) from None

    def run(self, on_progress: ProgressDisplay | None = None) -> ScanResult:
        """Scan every target; findings come back merged and in file order whatever runs them.

        With a state, each finished unit is checkpointed at once (findings sealed) for the
        successor of a killed run to take up; a report that shows secrets or keys their digests,
        and a run that verifies them, keeps units with findings out of checkpoints, both ways,
        since those need the values.
        """
        config, state = self.config, self.state
        rules = self.scanner.rules
        root, kind = scope(config.targets, self._staged.root if self._staged is not None else None)
        result = ScanResult(targets=list(config.targets), engine=self.scanner.engine,
                            rules=rules.every, started_at=utc_now(),
                            source_root=root, target_kind=kind)
        discovery = Discovery(exclude=self._exclude, exclude_base=config.base,
                              storage_options=dict(config.storage_options))
        units = self._plan(discovery)
        self._planned = [unit.target.display for unit in units]
        with_findings = not (config.show_secrets or self.digest_key or config.verify)
        self._collecting = self._candidates()
        keys = [unit.checkpoint_key() if state is not None else None for unit in units]
        tallies = _restored(keys, state, with_findings) if state is not None else {}
        pending = [position for position in range(len(units)) if position not in tallies]
        sizes = [unit.size for unit in units]  # once: a file growing during the scan keeps the bar whole
        ranges = RangesMerged()  # by file: what its ranges merged so far left the ranges after them
        spool = FindingSpool(digest_key=self.digest_key, show_secrets=config.show_secrets, spill_at=self._spill_at)
        order = PlanOrder(units, lambda unit, tally: self._merge(unit, tally, result, spool, ranges),
                          lambda unit: self._settle(unit, spool, ranges))
        with (on_progress or _no_progress)(sum(sizes), len(units)) as advance:
            for position, tally in tallies.items():
                advance(sizes[position], 0)
                order.arrive(position, tally)
            for index, tally in self._execute([units[position] for position in pending]):
                position = pending[index]
                advance(sizes[position], len(tally.findings))
                summary = tally.summary(with_findings) if state is not None and keys[position] else None
                if summary is not None:
                    try:
                        state.checkpoint(keys[position], summary)  # type: ignore[union-attr,arg-type]
                    except StateError as exc:  # said once; the scan and its report go on without them
                        result.errors.append(ScanError(str(state.path), str(exc)))  # type: ignore[union-attr]
                        state = None
                order.arrive(position, tally)  # merged at once when it is next in plan order
        for unit, tally in self._execute_whole(order.whole):
            self._merge(unit, tally, result, spool, ranges)
        names = self.scanner.names  # what the discovery names, as the units' tallies do (see .path_secrets)
        result.errors.extend(names.errors(ScanError(path, message) for path, message in discovery.missing))
        result.targets = list(map(names.path, config.targets))
        names.counts(discovery.counts)
        # Each byte range of a file that went missing after planning says so: one line, not one a range.
        result.errors = list(dict.fromkeys(result.errors))
        result.counts.add(discovery.counts)
        self._add(spool, self._across.findings(self.scanner, result.counts.statistics))
        verdict = self._verify(result)
        result.findings, result.secrets = spool.fold(self.filter.reason, dedupe=not config.no_dedupe,
                                                     suppressed=result.suppressed, verdict=verdict)
        result.finished_at = utc_now()
        return result

    def _candidates(self) -> "Candidates | None":
        """With --verify, what collects the distinct credentials as units are merged (the network
        code is loaded only then: a run without --verify never imports it)."""
        if not self.config.verify:
            return None
        from keyaudit.verify import Candidates

        return Candidates(self.scanner.rules.verifications)

    def _verify(self, result: ScanResult) -> "Callable[[Finding], Verification | None] | None":
        """Ask the providers about the credentials collected; what gives each finding its verdict."""
        if self._collecting is None:
            return None
        from keyaudit.verify import verify

        verdicts = verify(self._collecting, self.scanner.rules.verifications, say=self._say,
                          timeout=self.config.verify_timeout, transport=self._transport)
        result.counts.statistics["verification_requests"] += len(self._collecting.planned)
        return verdicts.of

    def _execute_whole(self, files: list[WorkUnit]) -> list[tuple[WorkUnit, Tally]]:
        """Files a piece of which could not be read alone (a member boundary misjudged, or
        damage), each scanned again as one unit, in plan order: their pieces' tallies were
        dropped, so a damaged gzip file reads the same however it was planned."""
        tallies = dict(self._execute(files))
        return [(unit, tallies[position]) for position, unit in enumerate(files)]

    def _merge(self, unit: WorkUnit, tally: Tally, result: ScanResult, spool: FindingSpool,
               ranges: RangesMerged) -> None:
        """Fold one unit into the result and its findings into the spool: a byte range's
        placed in its file after the ranges before it (see :mod:`.ranges_merged`)."""
        self._add(spool, ranges.placed(unit, tally) if unit.byte_range is not None else tally.findings)
        result.errors.extend(tally.errors)
        result.counts.add(tally.counts)
        self._across.take(tally)
        if self.state is not None and tally.progress is not None:
            self.state.remember(tally.progress, self.scanner.names.path(unit.target.display))

    def _settle(self, unit: WorkUnit, spool: FindingSpool, ranges: RangesMerged) -> None:
        """Once every range of a file is merged: the hits they left waiting for a provider host
        anywhere in the file, judged by the hosts all of them saw (see :mod:`keyaudit.engine.file_wide`)."""
        unsettled = ranges.settled(unit.target.display)
        if unsettled is not None and unsettled.waiting:
            self._add(spool, self.scanner.detector.settle(unsettled))

    def _add(self, spool: FindingSpool, findings: Iterable[Finding]) -> None:
        """Findings into the spool, and with --verify their credentials into the candidates."""
        spool.add(self._collecting.collect(findings) if self._collecting is not None else findings)


def _restored(keys: list[str | None], state: ScanState, with_findings: bool) -> dict[int, Tally]:
    """The units an interrupted run finished, by position (with findings only ``with_findings``: sealed secrets)."""
    tallies: dict[int, Tally] = {}
    for position, key in enumerate(keys):
        tally = state.finished(key) if key else None
        if tally is not None and (with_findings or not tally.findings):
            tally.counts.statistics["files_restored"] += 1
            tallies[position] = tally
    return tallies


@contextlib.contextmanager
def _no_progress(_total_bytes: int, _total_units: int) -> Iterator[Callable[[int, int], None]]:
    yield lambda _size, _findings: None


def _staged_files() -> "StagedFiles":
    """The files staged in the repository around the current folder (git imported here: not for every scan)."""
    from keyaudit.sources.git import GitError, StagedFiles, repository_root

    try:
        return StagedFiles(repository_root(Path.cwd()))
    except GitError as exc:
        raise SetupError(str(exc)) from None
