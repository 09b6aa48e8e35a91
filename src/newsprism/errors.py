"""One error tree. Callers catch by intent; the edges (CLI, API) turn these into exit codes
and problem responses.

* NewsprismError
  x InputError          -- an input file or record cannot be read (carries ``source``)
    + UnreadableInput   -- missing, a directory of nothing, permission denied
    + BadFormat         -- binary, undecodable, empty, malformed JSON line, broken WARC
  x StoreError          -- the DuckDB store cannot be opened or written
    + StoreLocked       -- another process holds the file (one writer, or many readers)
  x ConfigError         -- a bad option (unknown model, bad path)
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnreadableInput(InputError):
    pass


class BadFormat(InputError):
    pass


class StoreError(NewsprismError):
    pass


class StoreLocked(StoreError):
    pass


class ConfigError(NewsprismError):
    pass
