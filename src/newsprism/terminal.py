"""Text made safe to print on a terminal.

A file name (or anything else read from input) may hold escape sequences that recolour, move or
clear the terminal, control characters, or bidi overrides and invisible characters that make a
name look like another (``invoice\\u202etxt.exe``). ``terminal_safe`` writes each such character as
a visible escape, so a message shows exactly which characters a name holds.
"""

from __future__ import annotations

import unicodedata

# Cc: C0 and C1 controls (ESC, BEL, CR, NEL ...); Cf: bidi controls, zero-width characters, BOM,
# tag characters; Cs: lone surrogates (a file name byte that is not UTF-8, kept by surrogateescape);
# Zl, Zp: the line and paragraph separators.
_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control, format, surrogate and separator character written as an
    escape (``\\x1b``, ``\\u202e``, ``\\xff`` for a byte that was not UTF-8); the rest unchanged."""
    return "".join(_escape(c) if unicodedata.category(c) in _ESCAPED else c for c in text)
