"""Date expressions resolved against the document date (`find`, with the rules in `rules`)."""

from newsprism.extract.dates.find import document_anchor, find_dates

__all__ = ["document_anchor", "find_dates"]
