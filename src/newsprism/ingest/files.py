"""Which paths are read: files and folders walked safely, one reject line for everything skipped.

Only regular files are read. Folders are walked in name order; a folder reached a second time
(a symbolic link back into the tree) is not walked again, so loops cost nothing. Broken links,
link loops, devices, FIFOs, sockets, unreadable folders and hidden names each give a ``Rejected``
saying why, instead of vanishing. File names that are not valid UTF-8 are shown with ``\\xNN``
escapes.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from newsprism.model import Rejected

_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket"}


def source_name(path: str | os.PathLike[str]) -> str:
    """A path as text that is valid Unicode: undecodable bytes of a file name become ``\\xNN``."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _stat_failure(path: Path, err: OSError) -> str:
    if path.is_symlink():
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if err.errno == errno.ENOENT:
            return "broken symbolic link (its target does not exist)"
    return f"cannot read: {err.strerror or err}"


def regular_files(path: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path | Rejected]:
    """The regular files at or under ``path``, with a Rejected for everything that is not read."""
    seen = set() if seen is None else seen
    try:
        info = path.stat()
    except OSError as err:
        if not path.is_symlink() and err.errno == errno.ENOENT:
            yield Rejected(source_name(path), "no such file or folder")
        else:
            yield Rejected(source_name(path), _stat_failure(path, err))
        return
    except ValueError as err:  # e.g. an embedded NUL in a name passed on the command line
        yield Rejected(source_name(path), f"bad path: {err}")
        return
    if stat.S_ISREG(info.st_mode):
        yield path
    elif stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield Rejected(source_name(path), "folder already read (a symbolic link leads back to it)")
            return
        seen.add(key)
        yield from _folder(path, seen)
    else:
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        yield Rejected(source_name(path), f"not a regular file ({kind}); only regular files are read")


def _folder(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Rejected]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as err:
        yield Rejected(source_name(folder), f"cannot read folder: {err.strerror or err}")
        return
    for name in names:
        child = folder / name
        if name.startswith("."):
            yield Rejected(source_name(child), "hidden name, skipped (pass it by name to read it)")
            continue
        yield from regular_files(child, seen)
