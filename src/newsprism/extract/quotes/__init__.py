"""Quotes: quotation marks (`marks`), cue verbs and attribution patterns (`cue`), speakers
(`speaker`), reported speech (`indirect`), lexicons (`lexicon`); `find` turns them into records."""

from newsprism.extract.quotes.find import find_quotes

__all__ = ["find_quotes"]
