"""What kind of statement a claim unit makes, and whose statement it is.

``modality(text)`` is one of:

- ``expectation``: a plan, schedule, forecast or preview ("will meet", "is expected to", "plans
  to", "is scheduled to", "would" without a condition: "said it would", "would not allow",
  a time word alone ("next week") is not enough: "had planned a trip for next week, but
  cancelled it" reports what happened);
- ``hypothetical``: a condition or possibility ("if", "unless", "could", "might", "may");
- ``denial``: someone denies or rejects a statement ("denied", "rejected the allegations");
- ``attributed``: a statement the text gives to a speaker ("X said (that) ...", "..., X said",
  "according to X") and that is none of the above;
- ``reported``: the writer's own statement of fact.

``attributed_to(text)`` is the speaker's words of an attribution ("the foreign ministry",
"Smith"), or None.

The words come from general English grammar: modal and future auxiliaries, the usual
scheduling and planning verbs, and the reporting verbs of ``resources/quotes_speech_verbs.txt``
(the ones marked as introducing reported speech, in all their forms). Quoted words count: a
quoted "we will" is an expectation of the speaker.

Used by claim alignment: units of different classes (expectation, hypothetical, denial, or a
statement of fact, reported or attributed) never state the same claim, so a preview never
supports what then happened; and two statements attributed to different speakers are two
statements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from newsprism.lang.morphology import verb_forms
from newsprism.lang.resources import lines
from newsprism.model import ClaimModality as Modality

_EXPECT = re.compile(
    r"\b(?:will|won['’]t|shall|['’]ll"
    r"|(?:is|are|was|were|am|be|being)\s+(?:not\s+)?(?:expected|scheduled|set|due|slated|poised|"
    r"likely|unlikely|going|planning|preparing|expecting|hoping|aiming|intending)\s+to"
    r"|(?:plans?|planned|planning|intends?|intended|aims?|aimed|hopes?|hoped|vows?|vowed|promises?|"
    r"promised|pledges?|pledged|threatens?|threatened|seeks?|sought)\s+to)\b",
    re.I)
_WOULD = re.compile(r"\bwould(?:n['’]t)?\b", re.I)
_HYPO = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Cc]ould|[Cc]ouldn['’]t|[Mm]ight|may|[Ww]hether|"
                   r"[Ii]n\s+case|[Pp]ossibly|[Pp]erhaps|[Pp]otentially)\b")
_DENY = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?"
    r"|(?:reject|dismiss|disput)(?:s|es|ed|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+|any\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|suggestions?|assertions?|charges?|notion|idea))\b",
    re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+((?:[\w’'.-]+\s+){0,5}?[\w’'.-]+?)(?=[,.;:]|$)", re.I)

# Prefilters: every match of each pattern above holds one of these words whole (a run of word
# characters, lower-cased), so a text without any of them needs no search (see ``words_of``);
# a match of ``_ACCORDING`` holds "according".
_EXPECT_WORDS = frozenset(
    "will won shall ll expected scheduled set due slated poised likely unlikely going planning "
    "preparing expecting hoping aiming intending plan plans planned intend intends intended aim "
    "aims aimed hope hopes hoped vow vows vowed promise promises promised pledge pledges pledged "
    "threaten threatens threatened seek seeks sought".split())
_WOULD_WORDS = frozenset(("would", "wouldn"))
_HYPO_WORDS = frozenset("if unless could couldn might may whether case possibly perhaps potentially".split())
_DENY_WORDS = frozenset(
    ["deny", "denies", "denied", "denying", "denial"]
    + ["refut" + end for end in ("e", "es", "ed", "ing")]
    + ["rebut" + end for end in ("", "s", "ted", "ting")]
    + [stem + end for stem in ("reject", "dismiss", "disput") for end in ("", "s", "es", "ed", "ing")])
_PRONOUNS = frozenset("he she they it we i you officials".split())


# English irregular forms of reporting verbs that the shared irregular-verb table does not list
_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"),
              "speak": ("spoke", "spoken"), "swear": ("swore", "sworn"), "foresee": ("foresaw",),
              "forecast": ("forecast",), "teach": ("taught",), "think": ("thought",)}


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern[str]:
    """Forms of the reporting verbs that introduce reported speech ('*' in the lexicon)."""
    forms: set[str] = set()
    for line in lines("quotes_speech_verbs.txt"):
        word = line.split("#", 1)[0].strip()
        if word.endswith("*"):
            base = word.rstrip("*").strip().lower()
            forms.update(verb_forms(base))
            forms.update(_IRREGULAR.get(base, ()))
    alternatives = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


@lru_cache(maxsize=1)
def _reporting_words() -> frozenset[str]:
    """The forms of ``_reporting`` as a set, when every one is a plain lower-case ASCII word
    (empty otherwise: ``reporting_verbs`` then always runs the pattern)."""
    forms = frozenset(re.sub(r"\\(.)", r"\1", _reporting().pattern[len(r"\b(?:"):-len(r")\b")]).split("|"))
    return forms if all(re.fullmatch(r"[a-z]+", f) for f in forms) else frozenset()


@lru_cache(maxsize=None)
def _reporting_form(form: str) -> re.Pattern[str]:
    """``_reporting`` with its one form ``form``: the same matches in a text whose words hold
    no other form (a match of either is a whole word whose lower case is a form)."""
    return re.compile(rf"\b{re.escape(form)}\b", re.I)


_WORD = re.compile(r"\w+")
# the only characters other than ASCII that re.IGNORECASE matches to an ASCII letter
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")

Words = frozenset[str] | None


def words_of(text: str) -> Words:
    """The lower-cased words (runs of word characters) of ``text``, for the prefilters of this
    module's patterns: a match of ``_EXPECT`` (say) holds one of ``_EXPECT_WORDS`` whole, so
    when none is among these words the search is skipped. None where a character of ``text``
    case-folds to an ASCII letter in ways ``str.lower`` does not (every pattern then runs)."""
    if not _FOLDS_TO_ASCII.isdisjoint(text):
        return None
    return frozenset(" ".join(_WORD.findall(text)).lower().split())


def _found(pattern: re.Pattern[str], triggers: frozenset[str], text: str, words: Words) -> bool:
    return (words is None or not triggers.isdisjoint(words)) and pattern.search(text) is not None


def reporting_verbs(text: str, words: Words = None) -> Iterator[re.Match[str]]:
    """The matches of ``_reporting`` in ``text``, found quicker: a match of that pattern (plain
    words between word boundaries) is a whole word whose lower case is one of the forms, so
    the words are looked up in a set. The pattern runs itself where a character case-folds
    to an ASCII letter in ways ``str.lower`` does not. ``words``: ``words_of(text)``, when the
    caller has it (none of the forms among them: no match)."""
    forms = _reporting_words()
    if forms and words is not None:  # only the forms among the words can match
        present = forms & words
        if len(present) == 1:
            yield from _reporting_form(next(iter(present))).finditer(text)
            return
        if not present:
            return
    if not forms or not _FOLDS_TO_ASCII.isdisjoint(text):
        yield from _reporting().finditer(text)
        return
    for match in _WORD.finditer(text):
        if match.group().lower() in forms:
            yield match


_SKIP = frozenset("has have had was were is are also previously later repeatedly then again "
                  "publicly privately once reportedly had".split())
_STOP = frozenset("that and but which who whom because as when while after before than so or "
                  "if what how".split())
_DETERMINERS = frozenset("the a an his her its their my our your this that these those "
                         "whose every each any no some".split())
_TOKEN = re.compile(r"[\w’'.-]+|[,;:\"“”()]")
_TAIL = re.compile(r"((?:the\s+)?(?:[A-Z][\w’'.-]*\s*){1,4})(?:[.,;:]|$)")


def attributed_to(text: str, words: Words = None) -> str | None:
    """The speaker's words of the attribution in ``text`` ("X said (that) ...", "..., X said",
    "..., said X", "according to X"), or None. ``words``: ``words_of(text)``, when the caller
    has it (a quicker search, the same answer)."""
    found = _ACCORDING.search(text) if words is None or "according" in words else None
    if found:
        return found.group(1).strip()
    for match in reporting_verbs(text, words):
        before = text[:match.start()].rstrip()
        after = text[match.end():].lstrip()
        # "..., said Smith." : the speaker after the verb, at the end of the clause
        tail = _TAIL.match(after)
        if before.endswith(",") and tail:
            return tail.group(1).strip().rstrip(".")
        tokens = _TOKEN.findall(before)
        if tokens and tokens[-1].lower() in _DETERMINERS:  # "his remarks", "the statement": a noun
            continue
        while tokens and tokens[-1].lower() in _SKIP:
            tokens.pop()
        subject: list[str] = []
        for word in reversed(tokens[-6:]):
            if not word[0].isalnum() or word.lower() in _STOP:
                break
            subject.insert(0, word)
        if subject:
            return " ".join(subject)
    return None


def statement_kind(text: str, words: Words = None) -> Modality:
    """``modality`` without the attribution: denial, expectation, hypothetical, or reported for
    a statement of fact (which ``modality`` calls attributed when it names a speaker).
    ``words``: ``words_of(text)``, when the caller has it (a quicker search, the same answer)."""
    if words is None:
        words = words_of(text)
    if _found(_DENY, _DENY_WORDS, text, words):
        return "denial"
    if _found(_EXPECT, _EXPECT_WORDS, text, words):
        return "expectation"
    if _found(_HYPO, _HYPO_WORDS, text, words):
        return "hypothetical"
    # "said it would ...", "would not allow ...": a stated intention
    if _found(_WOULD, _WOULD_WORDS, text, words):
        return "expectation"
    return "reported"


def modality(text: str) -> Modality:
    """The kind of statement ``text`` makes (see the module docstring)."""
    words = words_of(text)
    kind = statement_kind(text, words)
    return "attributed" if kind == "reported" and attributed_to(text, words) is not None else kind


def statement_class(m: Modality) -> str:
    """Units of one class can state the same claim: reported and attributed statements of fact
    are one class; an expectation, a hypothesis and a denial each their own."""
    return "fact" if m in ("reported", "attributed") else m


def _description(words: list[str]) -> bool:
    """A speaker given by description, not by name: no capitalised word after the first
    ("the group", "the president", "a spokesman", "It"): it may be anyone of that kind."""
    return not any(w[:1].isupper() for w in words[1:]) and (
        len(words) > 1 or not words[0][:1].isupper() or words[0].lower() in _PRONOUNS)


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two attributions may name one speaker: either missing, a pronoun or a
    description ("the group" / "AIPAC"; "the president" / "Trump"), or sharing a word
    ("Foreign Minister Smith" / "Smith"; "the ministry" / "the foreign ministry"). Only two
    names that share nothing ("Ana Ruiz" / "Piet Bos") are two speakers."""
    if a is None or b is None:
        return True
    wa, wb = a.split(), b.split()
    if not wa or not wb or _description(wa) or _description(wb):
        return True
    wa, wb = [w.lower() for w in wa], [w.lower() for w in wb]
    return wa[-1] == wb[-1] or bool(set(wa) & set(wb) - {"the", "a", "an", "of", "and", "for"})
