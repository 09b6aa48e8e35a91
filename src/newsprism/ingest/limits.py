"""Per-input limits: what one input may cost before it is refused or cut, so that no file can stall
or exhaust the machine.

Every reader and ``build_document`` take a ``Limits``; the CLI and the API set it from their
options. Defaults suit news articles with a wide margin (the largest of 8,000 real articles is
about 60,000 characters, and none holds a run of more than 170 characters without a space).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
MAX_PARSED_CHARS = 5_000_000  # extract.nlp sets spaCy's max_length to this


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may cost. Exceeding a limit rejects the input with a reason naming the
    limit, except ``max_token_chars``: such runs stay in the text and are only left out of the
    analysis (recorded as removed ranges)."""

    max_bytes: int = 64 * MB
    """Bytes read from one file or one WARC record (a bigger file is refused without being read;
    a WARC file itself may be of any size: it is streamed record by record)."""
    max_expanded_bytes: int = 64 * 1024 * MB
    """Bytes a compressed input (.warc.gz) may expand to; reading stops there."""
    max_expansion: float = 100.0
    """How many times its compressed size a .warc.gz may expand to (judged after 4 MB)."""
    max_chars: int = 1_000_000
    """Characters of one article's text (the parser's memory grows with a text's length; the
    pipeline accepts up to 5,000,000, the ``max_length`` set in ``extract.nlp``)."""
    max_markup: int = 200_000
    """Tags plus attributes in one HTML page (lxml and trafilatura slow down on huge trees)."""
    max_attributes: int = 1_000
    """Attributes in one HTML tag (libxml2's duplicate-attribute check is quadratic in them)."""
    max_seconds: float = 30.0
    """Seconds one WARC record may take to read (checked as its bytes are read: junk that the
    WARC parser reads slowly stops there)."""
    max_token_chars: int = 500
    """Longest run of characters without a space that is analysed: spaCy's tokenizer is quadratic
    in the length of such a run when it is punctuation; longer runs are removed from the analysis."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_expanded_bytes", "max_expansion", "max_chars", "max_markup", "max_attributes",
                     "max_seconds", "max_token_chars"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.max_chars > MAX_PARSED_CHARS:
            raise ValueError(f"max_chars is at most {MAX_PARSED_CHARS:,} (the parser's max_length)")


DEFAULT_LIMITS = Limits()
