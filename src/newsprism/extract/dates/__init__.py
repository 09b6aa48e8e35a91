"""Date expressions resolved against the document date (`find`, with the rules in `rules`)."""

from newsprism.extract.dates.find import find_dates, redate

__all__ = ["find_dates", "redate"]
