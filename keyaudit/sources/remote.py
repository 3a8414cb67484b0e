"""Targets in object stores and over HTTP, through fsspec: ``s3://bucket/logs/``, ``gs://``,
``az://``, ``https://``, ``file://`` and any other protocol fsspec knows.

Listing and reading go through the store's own client, with credentials from its usual places
(environment, profiles) plus ``--storage-option key=value``; reports keep the URL as the path.
"""

from __future__ import annotations

import contextlib
import errno
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

from keyaudit.sources.ignore import IGNORE_FILES, listing_ignored
from keyaudit.sources.targets import Discovery, Target

CLOUD_EXTRA = "pip install 'keyaudit[cloud]'"


class RemoteError(Exception):
    """A URL target that cannot be used; ``str()`` is one line."""


def is_url(target: str) -> bool:
    """``scheme://…`` other than a Windows drive (``C:\\``)."""
    scheme, separator, _ = target.partition("://")
    return bool(separator) and len(scheme) > 1 and scheme.replace("+", "").replace("-", "").isalnum()


def filesystem_for(url: str, options: dict[str, str]) -> tuple[Any, str]:
    """The fsspec filesystem for ``url`` and the path within it; a missing package is a RemoteError."""
    try:
        import fsspec
    except ImportError:
        raise RemoteError(f"{url}: scanning URLs needs fsspec: {CLOUD_EXTRA}") from None
    try:
        return fsspec.core.url_to_fs(url, **options)
    except ImportError as exc:  # the protocol's own package (s3fs, gcsfs, adlfs) is missing
        raise RemoteError(f"{url}: {exc.msg.splitlines()[0]} ({CLOUD_EXTRA})") from None
    except ValueError as exc:
        raise RemoteError(f"{url}: {exc}") from None


def discover_remote(url: str, discovery: Discovery, options: dict[str, str]) -> Iterator[Target]:
    """The objects under ``url`` (or the one it names), in sorted order, as targets."""
    filesystem, root = filesystem_for(url, options)
    protocol = url.partition("://")[0]
    try:
        listing = filesystem.find(root, detail=True) if filesystem.isdir(root) else {root: filesystem.info(root)}
    # Each store's client raises its own errors (botocore's NoCredentialsError is no OSError): any is this target's.
    except Exception as exc:  # noqa: BLE001
        discovery.missing.append((url, f"cannot list: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"))
        return
    paths = sorted(listing)
    relatives = {path: path[len(root):].lstrip("/") if path != root else path.rpartition("/")[2] for path in paths}
    problems: list[tuple[str, str]] = []
    ignored = listing_ignored(list(relatives.values()), lambda relative: _read_text(filesystem, f"{root}/{relative}"),
                              problems)
    by_relative = {relative: path for path, relative in relatives.items()}
    discovery.missing.extend((_display(by_relative[relative], protocol), problem) for relative, problem in problems)
    for path in paths:
        display = _display(path, protocol)
        if relatives[path] in ignored:
            if relatives[path].rpartition("/")[2] not in IGNORE_FILES:  # an ignore file is not content
                discovery.skip(display, "ignored")
            continue
        if discovery.excluded(display):
            continue
        info = listing[path]
        yield Target(display, None, ObjectReader(filesystem, path, info.get("size") or 0, _stamp(info)))


def _display(path: str, protocol: str) -> str:
    """An object's path as reports show it: a URL."""
    return path if "://" in path else f"{protocol}://{path.lstrip('/') if protocol != 'file' else path}"


def _stamp(info: dict[str, Any]) -> str | None:
    """Size and version of an object from its listing: objects are replaced, never appended to,
    so a new stamp is new content. None when the store gives no version or time."""
    version = next((info[key] for key in ("ETag", "etag", "generation", "mtime", "LastModified", "last_modified",
                                          "created") if info.get(key)), None)
    return None if version is None else f"{info.get('size')}:{version}"


def _read_text(filesystem: Any, path: str) -> str:
    return filesystem.cat_file(path).decode("utf-8", "replace")


@dataclass(frozen=True)
class ObjectReader:
    """Opens one stored object; picklable (fsspec filesystems are), so a Dask worker can read
    the object itself instead of the client streaming it."""

    filesystem: Any
    path: str
    size: int = 0
    stamp: str | None = None  # size and version (ETag, generation or time) when listed

    @contextlib.contextmanager
    def __call__(self) -> Iterator[BinaryIO]:
        try:
            handle = self.filesystem.open(self.path, "rb")
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - the store's client refused before any I/O
            # (botocore's NoCredentialsError is no OSError): the object cannot be opened, which is
            # what the user must read, not an internal error. Only the type: the text may hold a URL.
            raise PermissionError(errno.EACCES, f"the store's client refused it ({type(exc).__name__})") from None
        with handle:
            yield handle
