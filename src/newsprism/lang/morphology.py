"""English word stems and inflections: rule-based, from general spelling rules, no dictionary.

Two directions, kept apart because each caller was tuned with its own rules:

- from a word form towards its base: ``stem`` (a light suffix stripper, for matching words
  across outlets in TF-IDF terms and claim alignment), ``stem_form`` (the same after a
  possessive ending and a stop-word test), ``truncation_stem`` (the first five letters, for
  comparing the wording of two quotes), ``base_forms`` (every candidate base form, for finding
  which tone-lexicon words name events) and ``singular`` (a counted noun);
- from a base towards its forms: ``verb_forms`` (the event-verb check's verb patterns),
  ``plural`` (a counted noun in a description) and ``suffix_plural`` (the event-noun table).

Irregular verbs come from one table, the ``irregular`` entry of ``resources/checks_verbs.json``
(``irregular_verbs``), read by ``verb_forms`` and ``base_forms``. ``IRREGULAR_PAST`` is a
separate, larger list of irregular past tenses that the claim splitter uses to spot verbs.
"""

from __future__ import annotations

from functools import lru_cache

from newsprism.lang.resources import load_json

# irregular English past tenses (general grammar), for spotting the predicates of a sentence
IRREGULAR_PAST = frozenset(
    "said made took gave went came saw found left held met told sent won lost began led brought "
    "built bought caught cut fell fought hit kept knew paid put ran rose sold set shot spent stood "
    "struck spoke wrote drove broke chose grew hung laid let meant read rode sank shut sought stole "
    "swore threw understood withdrew fled flew froze forgot hid slid spread swept tore".split()
)
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children",
                      "foot": "feet", "tooth": "teeth", "mouse": "mice", "goose": "geese"}
# nouns whose plural is the word itself (or that are only used as plurals)
_SAME_PLURAL = frozenset({"people", "police", "staff", "personnel", "sheep", "deer", "fish",
                          "aircraft", "series", "species", "news", "troops", "cattle"})
# (suffix, replacement) pairs that ``base_forms`` tries, in order
_INFLECTION_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ying", "ie"), ("es", ""), ("s", ""), ("ed", ""),
                        ("ed", "e"), ("ing", ""), ("ing", "e"))


def stem(word: str) -> str:
    """A very light English suffix stripper (plural -s/-es/-ies, -ed, -ing, final -e, doubled
    final consonant), enough to match inflections of one word across outlets ("closed",
    "closes", "close" -> "clos"); not a linguistic stemmer."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        w = w[:-2]
    elif len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouylsz":
        w = w[:-1]
    return w


def stem_form(word: str, stop_words: frozenset[str]) -> str:
    """The stem of a lower-case word without possessive ending and edge quotes or hyphens,
    or "" for words in ``stop_words`` and one-letter fragments."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) < 2 or w in stop_words:
        return ""
    return stem(w)


def truncation_stem(word: str) -> str:
    """The first five letters of a word ("reported", "reports" -> "repor"): a crude stem that
    also joins derived words ("agreement", "agreed")."""
    return word[:5] if len(word) > 5 else word


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, tuple[str, ...]]:
    """Base form -> its forms, for the verbs whose forms the regular rules get wrong ("won",
    "shrank", "cancelled", "banned")."""
    return {base: tuple(forms) for base, forms in load_json("checks_verbs.json")["irregular"].items()}


@lru_cache(maxsize=1)
def _irregular_bases() -> dict[str, str]:
    """Irregular form -> its base form (the last base that lists it)."""
    return {form: base for base, forms in irregular_verbs().items() for form in forms}


def base_forms(word: str) -> set[str]:
    """Candidate base forms of an English word form, the word itself included (regular
    inflections undone every way they might have been made, and the irregular table)."""
    out = {word}
    if word in _irregular_bases():
        out.add(_irregular_bases()[word])
    for suffix, repl in _INFLECTION_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + repl
            out.add(base)
            if not repl and len(base) > 3 and base[-1] == base[-2]:  # "banned" -> "ban"
                out.add(base[:-1])
    return out


def verb_forms(base: str) -> list[str]:
    """The forms of a base verb: its listed irregular forms, or the regular inflections
    (base, -s, -ed, -ing with the usual spelling changes)."""
    irregular = irregular_verbs()
    if base in irregular:
        return [base, *irregular[base]]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


def singular(word: str) -> str:
    """The singular of a lower-case plural noun by its ending (-ies, -es after a sibilant, -s);
    other words unchanged."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def plural(noun: str) -> str:
    """The English plural of a singular counted noun (general spelling rules)."""
    if noun in _SAME_PLURAL or noun.endswith(("people", "men")):
        return noun
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def suffix_plural(noun: str) -> str:
    """A noun with -es after s, sh or ch and -s otherwise: no other spelling change ("ceremony"
    gives "ceremonys", unlike ``plural``), as the event-noun table of the checks was built."""
    return noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")
