"""PLOVER events: trigger lexicon (`lexicon`), arguments (`args`), records (`find`)."""

from newsprism.extract.events.find import find_events

__all__ = ["find_events"]
