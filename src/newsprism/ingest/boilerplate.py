"""Line-level boilerplate rules: what a single paragraph of a news page is, judged on its own.

Each rule looks at one ``Unit`` (its words, length, punctuation and a small vocabulary of page
furniture) and returns a reason or ``None``. The vocabularies are generic web/news-site furniture
(share buttons, menus, newsletter promos, photo credits, comment widgets, legal notices) written
from general knowledge of how news sites are laid out, not taken from any particular corpus.
Context (position in the text, repetition) is judged in ``text_clean``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsprism.ingest.dates import DATE_LINE
from newsprism.ingest.units import Unit

# --------------------------------------------------------------------------- vocabularies

SHARE_WORDS = frozenset(
    "share shares shared sharing via this article story page on facebook twitter x email e-mail "
    "mail whatsapp linkedin reddit pinterest telegram print copy copied link url tweet messenger "
    "flipboard bluesky threads save saved gift sms comment comments bookmark send to a friend "
    "and or".split()
)
SHARE_CORE = frozenset(
    "share facebook twitter whatsapp linkedin reddit pinterest telegram tweet flipboard bluesky "
    "print bookmark copy".split()
)
UI_PHRASES = frozenset({
    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "paid content",
    "updated", "published", "breaking", "breaking news", "live", "live updates", "watch", "listen",
    "read more", "more to read", "more from", "related", "related stories", "related articles",
    "related content", "recommended", "recommended stories", "most popular", "most read",
    "trending", "trending now", "loading", "loading...", "close", "show more", "see more",
    "show less", "continue reading", "story continues below", "story continues below advertisement",
    "scroll to continue", "image", "video", "photo", "photos", "gallery", "next", "previous",
    "next article", "previous article", "top stories", "latest", "latest news", "editor's picks",
    "you may also like", "you might also like", "more stories", "more news", "in other news",
    "also read", "read next", "up next", "listen to this article", "audio", "play", "pause",
    "sign in", "log in", "login", "register", "subscribe", "menu", "search", "sections",
    "home", "back to top", "top", "skip", "expand", "collapse", "enlarge", "zoom", "full screen",
    "fullscreen", "toggle", "open", "more", "tags", "topics", "filed under", "opinion",
})
NAV_PHRASES = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|accessibility links|main menu|toggle navigation|"
    r"jump to (?:navigation|content)|you are here:?|navigation|site map|sitemap)\b",
    re.I,
)
BREADCRUMB = re.compile(r"^(?:[^>›»|]{1,40}\s*(?:>|›|»|\|)\s*){2,}[^>›»|]+$")
COUNTER = re.compile(
    r"\b\d[\d,.]*\s*(?:k\s*)?(?:views?|min(?:ute)?s?(?: read)?|reads?|comments?|shares?|likes?|"
    r"replies|reactions?|hours? ago|days? ago)\b",
    re.I,
)
CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|illustration|video|file photo|photo illustration)\s*"
    r"(?:by|:|credit|courtesy)|\bgetty images\b|\bap photo\b|\bvia getty\b|\bunsplash\b|"
    r"\bshutterstock\b|\bcredit:",
    re.I,
)
# who is where in a picture: said of people in running prose too, so only short lines count
CAPTION_PLACES = re.compile(r"\b(?:pictured|seen here|left to right|from left)\b|\((?:left|right)\)", re.I)
# an agency credit ("AFP/Getty", "Photo: EPA/..."), in the agencies' own capitals: lower-case
# "epa/" is also a German abbreviation (elektronische Patientenakte)
AGENCY_CREDIT = re.compile(
    r"\b(?:AFP|Reuters|REUTERS|EPA|Anadolu|ANADOLU|Sputnik|SPUTNIK|Xinhua|XINHUA|TASS)\s*/|"
    r"/\s*(?:AFP|Reuters|REUTERS|EPA|Getty|GETTY|AP)\b"
)
PROMO = re.compile(
    # "sign up" as a call to the reader (leading a sentence, a button at the end, for a newsletter),
    # not as a verb of reported facts ("hopes to sign up 7 million people")
    r"\bclick here\b|(?:^|[.!?:]\s+|\(\s*)sign up\b|\bsign up\W*$|\bsign up (?:now|today|here|for (?:our|"
    r"free|a free)|to (?:our|receive|get))\b|\bsign up (?:for|to)\b.{0,60}\b(?:newsletters?|tip sheets?|"
    r"e-?mails?|alerts)\b|\bsubscribe (?:now|today|here|to)\b|\b(?:in|to) your inbox\b|"
    r"\bour newsletters?\b|\b(?:get|receive) (?:the|our)\b.{0,60}\bnewsletter\b|\bnewsletter\b.{0,40}"
    r"\b(?:sign|subscribe|delivered|inbox)\b|\bpromotional content\b|\bsupport (?:our|independent)"
    r" journalism\b|\bdownload (?:our|the) app\b|\bfollow us on\b|\bbecome a (?:member|subscriber)\b|"
    r"\bdonate (?:now|today)\b|^(?:read|see|watch|listen|also read|read more|related|more)\s*:|"
    r"\ba version of this (?:story|article)\b|\bthis (?:story|article) (?:is|was) (?:available|"
    r"featured) in\b|\bcontinue reading\b|\bunlimited (?:digital )?access\b|\bfree trial\b",
    re.I,
)
# links to other stories set inline in the body: "Also on <site>: <headline>", or a whole
# paragraph in parentheses led by an upper-case label ("(WATCH: <headline>)", "(TIMELINE: ...)")
_WHEN = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
         r"May|June|July|August|September|October|November|December)\b")
TEASER = re.compile(  # the site or section named in capitals or as "this story", then the colon
    rf"^\(?\s*(?i:also|more) on (?!{_WHEN})(?:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){{0,3}}|this story|this topic)\s*:\s")
TEASER_LABELLED = re.compile(r"^\(\s*[A-Z][A-Z ]{1,24}:\s[^()]{1,200}\)$")
CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bcan be reached at\b|\bcontact (?:him|her|them|the author|"
    r"the reporter|us) (?:at|on|via)\b|\bfollow (?:him|her|them) on\b|\bsend (?:us )?(?:news )?tips\b|"
    r"\bhave a tip\??",
    re.I,
)
LEGAL = re.compile(
    # "copyright" as a notice (leading the line, or before a year, a colon or a mark); elsewhere
    # only in a short line (COPYRIGHT_WORD): in a paragraph it is prose ("copyright licences")
    r"©|^\W*copyright\b|\bcopyright\s*(?:\d{4}|:|\(c\))|\ball rights reserved\b|\bterms of (?:use|service)\b|"
    r"\bfor (?:your )?personal,? non-?commercial use\b|\bprivacy policy\b|"
    r"\bcookie(?:s| policy| settings)\b|\bmay not be (?:published|reproduced|broadcast|rewritten|"
    r"redistributed|copied)\b|\b(?:declared|designated|labeled|labelled|branded|listed as) (?:an? |as )?"
    r"[\"“']?(?:undesirable|foreign agent|extremist|terrorist)|\byou(?:r)?\b.*\bour (?:content|site|"
    r"website|journalism|reporting|coverage|articles?|services?|materials?)\b",
    re.I,
)
COPYRIGHT_WORD = re.compile(r"\bcopyright\b", re.I)
NOTICE = re.compile(
    r"^(?:this|the) (?:article|story|report|piece|post) (?:is|was|has been) (?:based|updated|"
    r"corrected|amended|produced|written|originally|published|adapted|part|republished)\b|"
    r"\bcontributed to this (?:report|story|article)\b|^\(?(?:reporting|writing|editing|additional "
    r"reporting) by\b|\bcorrection:|^editor'?s note\b|^clarification:",
    re.I,
)
COMMENTS = re.compile(
    r"\bcomment(?:ing)? policy\b|^comments?(?:\s*\(\d+\))?$|\bjoin the (?:conversation|discussion)\b|"
    r"\bleave a (?:comment|reply)\b|\b(?:show|view|hide|load) (?:all )?comments\b|^\d+ comments?$|"
    r"\bbefore commenting\b|\bcomments (?:are|have been) (?:closed|disabled)\b",
    re.I,
)
BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|reported by|text by)\s+(?P<rest>[A-Z].*)$", re.I
)
DASH_LEAD = re.compile(r"^[\s•·*▪►◦‣–—-]+")

NAME_TOKEN = (
    r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.|[A-Z][a-z]?[A-Z][a-zà-ÿ]+|"
    r"[A-Z][a-z]?['’][A-Z][a-zà-ÿ]+)"
)
NAME_PARTICLE = r"(?:de|da|del|della|di|van|von|der|den|bin|bint|ibn|al|el|la|le|dos|das|du)"
PERSON_NAME = rf"{NAME_TOKEN}(?:\s+(?:{NAME_PARTICLE}\s+|al-|el-)?{NAME_TOKEN}){{1,3}}"
NAME_ONLY = re.compile(rf"^{PERSON_NAME}$")
ROLE_WORDS = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|contributing|"
    r"fellow|professor|author|producer|analyst|bureau chief|staff|freelance|photographer|"
    r"researcher|lecturer|scholar|director|host|anchor|commentator|critic|novelist)\b",
    re.I,
)
NOT_NAME = re.compile(
    r"\b(?:press|times|news|post|journal|agency|staff|reporter|writer|correspondent|editor|"
    r"service|media|network|radio|television|herald|tribune|daily|wire|reuters|bureau|desk|"
    r"team|editorial|board|contributors?|report)\b",
    re.I,
)
BIO = re.compile(rf"^(?P<name>{PERSON_NAME})\s+(?:is|was|has|covers|writes|reports|teaches)\b")


def core(unit: Unit) -> str:
    """The unit's text without leading bullets/dashes."""
    return DASH_LEAD.sub("", unit.text)


# --------------------------------------------------------------------------- single rules


def _gate(u: Unit, keys: tuple[str, ...]) -> bool:
    """A cheap substring test run before a costly regular expression."""
    return any(k in u.low for k in keys)


def _navigation(u: Unit) -> bool:
    if u.n_words > 25:
        return False
    t = core(u)
    if NAV_PHRASES.search(t) and u.n_words <= 6:
        return True
    return bool(BREADCRUMB.match(t)) and not u.terminal


def _share(u: Unit) -> bool:
    words = [w.lower() for w in u.words]
    return (
        0 < len(words) <= 10
        and all(w in SHARE_WORDS for w in words)
        and any(w in SHARE_CORE for w in words)
    )


def _ui_label(u: Unit) -> bool:
    t = core(u).strip(" :.|").lower()
    if t in UI_PHRASES:
        return True
    if u.n_words and all(len(w) <= 2 and w.isupper() for w in u.words) and u.n_words <= 3:
        return True  # font-size pickers, single letters: "XS", "A A"
    if re.fullmatch(r"\d+\s*x\s*\d+\s+\w+", t):
        return True  # image ratio labels such as "16x9 image"
    if u.n_words > 12:
        return False
    counters = COUNTER.findall(t)
    if counters:
        rest = COUNTER.sub(" ", t)
        return len(re.findall(r"[a-z]{2,}", rest)) <= 1
    return False


def _dateline_meta(u: Unit) -> bool:
    return u.n_words <= 16 and bool(DATE_LINE.match(core(u)))


def _byline(u: Unit) -> bool:
    t = core(u)
    return u.n_words <= 22 and bool(BYLINE.match(t)) and not t.endswith(("?", "!"))


def _teaser(u: Unit) -> bool:
    return u.n_words <= 40 and bool(TEASER.match(u.text) or TEASER_LABELLED.match(u.text.strip()))


def _short_hit(
    pattern: re.Pattern[str], limit: int, keys: tuple[str, ...]
) -> Callable[[Unit], bool]:
    """A rule for short units holding one of ``keys``; the pattern (all literals lower-case) is
    matched on the lower-cased text without re.I, which is much faster."""
    fast = re.compile(pattern.pattern)
    return lambda u: (
        u.n_words <= limit and _gate(u, keys) and bool(fast.search(DASH_LEAD.sub("", u.low)))
    )


_PROMO_KEYS = (
    "click", "sign up", "subscribe", "inbox", "newsletter", "promotional", "journalism", "app",
    "follow us", "become a", "donate", ":", "version of this", "continue reading", "unlimited",
    "free trial", "this story", "this article",
)
_CAPTION_KEYS = (
    "photo", "image", "picture", "illustration", "video", "getty", "unsplash", "shutterstock", "credit",
)


def _agency_credit(u: Unit) -> bool:
    return u.n_words <= 70 and "/" in u.text and bool(AGENCY_CREDIT.search(u.text))
_LEGAL_KEYS = (
    "©", "copyright", "rights reserved", "terms of", "privacy", "cookie", "may not be", "declared",
    "designated", "labeled", "labelled", "branded", "listed as", "our ", "commercial use",
)
_CONTACT_KEYS = ("@", "reached", "contact", "follow", "tip")
_NOTICE_KEYS = (
    "this ", "the article", "the story", "the report", "contributed", "reporting by", "writing by",
    "editing by", "correction", "editor", "clarification",
)
_COMMENT_KEYS = ("comment", "conversation", "discussion", "leave a", "reply")


RULES: tuple[tuple[str, Callable[[Unit], bool]], ...] = (
    ("navigation", _navigation),
    ("share", _share),
    ("ui_label", _ui_label),
    ("dateline_meta", _dateline_meta),
    ("byline", _byline),
    ("comments", _short_hit(COMMENTS, 25, _COMMENT_KEYS)),
    ("contact", _short_hit(CONTACT, 40, _CONTACT_KEYS)),
    ("legal", _short_hit(LEGAL, 80, _LEGAL_KEYS)),
    ("legal", _short_hit(COPYRIGHT_WORD, 25, ("copyright",))),
    ("notice", _short_hit(NOTICE, 40, _NOTICE_KEYS)),
    ("promo", _short_hit(PROMO, 45, _PROMO_KEYS)),
    ("promo", _teaser),
    ("caption", _short_hit(CAPTION, 70, _CAPTION_KEYS)),
    ("caption", _short_hit(CAPTION_PLACES, 30, ("pictured", "seen here", "left", "right"))),
    ("caption", _agency_credit),
)


def classify(unit: Unit) -> str | None:
    """The boilerplate reason of one unit judged alone, or ``None`` for article text."""
    for reason, rule in RULES:
        if rule(unit):
            return reason
    return None


def is_heading(u: Unit) -> bool:
    """A short title-like line: a headline, subheading or label (not a sentence)."""
    if not u.words or u.n_words > 18:
        return False
    if u.text.endswith((".", ",", ";")) and not u.text.endswith("..."):
        return False
    if re.search(r"[.!?]\s+[A-Z]", u.text):
        return False  # two sentences are a paragraph, not a heading
    first = core(u)[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'("


def is_prose(u: Unit) -> bool:
    """Sentence-like article text: long enough, or a full sentence (a lone short question is a
    headline or subheading, not prose)."""
    if u.n_words >= 20:
        return True
    if u.text.rstrip("\"”’' ").endswith("?") and u.n_words <= 12 and is_heading(u):
        return False
    return u.n_words >= 5 and u.terminal


_LIST_MARK = re.compile(r"^[-•·*▪►◦‣–—]\s")


def is_row(u: Unit) -> bool:
    """A row of a table or list: a table row as the HTML extraction prints it ("| a | b |"), a
    list item ("- ...", "• ..."), or a short line holding a number (a date, a score, a price)."""
    t = u.text
    if t.startswith("|") and t.count("|") >= 3:
        return True
    if _LIST_MARK.match(t):
        return u.n_words >= 1
    return u.n_words <= 25 and any(c.isdigit() for c in t)


def bio_name(u: Unit) -> str | None:
    """The person a trailing author bio is about ("Jane Doe is a reporter at ..."), if any."""
    m = BIO.match(core(u))
    if m and ROLE_WORDS.search(u.text) and u.n_words <= 120 and not NOT_NAME.search(m.group("name")):
        return m.group("name")
    return None


def is_name_only(u: Unit) -> bool:
    return bool(NAME_ONLY.match(core(u))) and not NOT_NAME.search(u.text)
