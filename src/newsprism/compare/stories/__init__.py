"""Stories (`find`: TF-IDF + shared actors in a date window, signatures to join stored stories)
and copies/rewrites between their documents (`derivation`)."""

from newsprism.compare.stories.dating import date_from_stories
from newsprism.compare.stories.derivation import find_derivations, independent_groups
from newsprism.compare.stories.find import find_stories

__all__ = ["date_from_stories", "find_derivations", "find_stories", "independent_groups"]
