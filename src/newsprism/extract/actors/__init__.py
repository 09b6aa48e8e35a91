"""Actors: NER mentions cleaned and grouped per document (`find`), abbreviations (`abbrev`), name
normalisation (`normalise`), first-name gender (`gender`), roles and countries (`roles`), and
cross-document canonicalisation (`merge`)."""

from newsprism.extract.actors.find import find_actors
from newsprism.extract.actors.merge import canonicalise

__all__ = ["canonicalise", "find_actors"]
