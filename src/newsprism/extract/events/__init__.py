"""PLOVER events: trigger matching on the parse (`triggers`, on the lexicon of `lang.plover`), arguments
(`args`), records (`find`)."""

from newsprism.extract.events.find import find_events

__all__ = ["find_events"]
