"""Claims: units split from sentences (`split`), lexical keys and alignment (`align`), embedding
alignment (`semantic`), and the claim records with support and contradiction (`build`)."""

from newsprism.compare.claims.build import apply_discrepancies, build_claims

__all__ = ["apply_discrepancies", "build_claims"]
