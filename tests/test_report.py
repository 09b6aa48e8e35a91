"""The HTML report rendered from a hand-built analysis of three outlets covering one story.

The analysis is written by hand (extract/compare are not used), with spans found in the
texts below, so every expected value here comes from reading these paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from newsprism.model import (
    Analysis, Claim, ClaimCell, Derivation, Discrepancy, Document, Entity, Event, OutletProfile, Quote, Range,
    Rejected, Span, Story, Tone, ToneEvidence, sha256_text,
)
from newsprism.report import render_report

GAZETTE = """City and union reach deal to end bus strike

PORT ALDER \u2014 Mayor Elena Ruiz and the Transit Workers Union agreed on Wednesday to end a \
nine-day bus strike, city officials said. The deal raises drivers' pay by 4 percent a year over \
three years. "This is a fair contract for riders and for drivers," Ruiz told reporters at City \
Hall. Union president Marcus Bell said members would vote on the deal on March 10. Buses are \
expected to run again on Friday.
"""
METRO = """Bus strike ends after marathon talks

The Transit Workers Union and the city of Port Alder signed an agreement on Wednesday ending a \
strike that lasted eleven days. Under the deal, pay rises by 3 percent a year. "We won respect \
at the table," Marcus Bell said. Mayor Elena Ruiz thanked riders for their patience. Bell \
accused the city of stalling for a week before talks resumed on March 3.
"""
VALLEY = """Opinion: The bus deal is a bad bargain for taxpayers

The agreement Mayor Elena Ruiz signed with the Transit Workers Union on Wednesday ends a \
nine-day strike, but it costs too much. "The city blinked," said council member Dana Okafor, \
who opposed the deal. Taxpayers will cover the raises for years.
"""


def _doc(doc_id: str, text: str, outlet: str, genre: str, published: str) -> Document:
    title = text.split("\n", 1)[0]
    return Document(
        id=doc_id, source=f"/corpus/{doc_id}.txt", sha256=sha256_text(text), text=text, outlet=outlet,
        title=title, authors=("Staff",), published=published, genre=genre,  # type: ignore[arg-type]
        body=Range(len(title) + 2, len(text)), removed=(), url=f"https://{doc_id}.example/story",
        evidence={"outlet": "jsonl field outlet", "published": "dateline"})


def sp(doc: Document, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``needle`` in ``doc``."""
    starts = [m.start() for m in re.finditer(re.escape(needle), doc.text)]
    start = starts[nth]
    return doc.span(start, start + len(needle))


def _evidence(doc: Document, needle: str, score: float) -> ToneEvidence:
    span = sp(doc, needle)
    return ToneEvidence(span.doc, span.start, span.end, span.text, score)


def _all(doc: Document, needle: str) -> tuple[Span, ...]:
    return tuple(sp(doc, needle, i) for i in range(doc.text.count(needle)))


def build() -> Analysis:
    a = _doc("doc_gazette", GAZETTE, "Harbor Gazette", "news", "2025-03-06")
    b = _doc("doc_metro", METRO, "Metro Daily", "news", "2025-03-06")
    c = _doc("doc_valley", VALLEY, "Valley Post", "opinion", "2025-03-07")
    docs = (a, b, c)
    ruiz = Entity("ent_ruiz", "Elena Ruiz", "PERSON", ("Ruiz",), ("mayor",), "USA",
                  tuple(s for d in docs for s in _all(d, "Elena Ruiz")) + (sp(a, "Ruiz", 1),))
    bell = Entity("ent_bell", "Marcus Bell", "PERSON", ("Bell",), ("union president",), "USA",
                  (sp(a, "Marcus Bell"), sp(b, "Marcus Bell"), sp(b, "Bell", 1)))
    union = Entity("ent_union", "Transit Workers Union", "ORG", (), (), None,
                   tuple(s for d in docs for s in _all(d, "Transit Workers Union")))
    city = Entity("ent_city", "Port Alder", "GPE", (), (), "USA", (sp(b, "Port Alder"),))
    okafor = Entity("ent_okafor", "Dana Okafor", "PERSON", (), ("council member",), "USA",
                    (sp(c, "Dana Okafor"),))
    q = [
        Quote("q1", a.id, *_q(a, "This is a fair contract for riders and for drivers"), "ent_ruiz", "Ruiz",
              "told", "direct"),
        Quote("q2", a.id, *_q(a, "members would vote on the deal on March 10"), "ent_bell",
              "Union president Marcus Bell", "said", "indirect"),
        Quote("q3", b.id, *_q(b, "We won respect at the table"), "ent_bell", "Marcus Bell", "said", "direct"),
        Quote("q4", c.id, *_q(c, "The city blinked"), "ent_okafor", "council member Dana Okafor", "said",
              "direct"),
    ]
    events = (
        Event("ev_agree_a", "AGREE", "agreed", ("ent_ruiz",), ("ent_union",), "2025-03-05", "Wednesday", None,
              (sp(a, "Mayor Elena Ruiz and the Transit Workers Union agreed on Wednesday"),)),
        Event("ev_sign_b", "AGREE", "signed", ("ent_union",), ("ent_city",), "2025-03-05", "Wednesday",
              "Port Alder", (sp(b, "signed an agreement on Wednesday"),)),
        Event("ev_talks_b", "CONSULT", "talks resumed", ("ent_union",), ("ent_city",), "2025-03-03",
              "March 3", None, (sp(b, "talks resumed on March 3"),)),
        Event("ev_strike_a", "PROTEST", "strike", ("ent_union",), ("ent_city",), "2025-02-25/2025-03-05",
              "nine-day", None, (sp(a, "nine-day bus strike"),)),
        Event("ev_accuse_b", "ACCUSE", "accused", ("ent_bell",), ("ent_city",), None, None, None,
              (sp(b, "Bell accused the city of stalling"),)),
    )
    claims = (
        Claim("cl_deal", "st_bus", "The city and the union agreed on Wednesday to end the bus strike.",
              (sp(a, "agreed on Wednesday to end"), sp(b, "signed an agreement on Wednesday")),
              (a.id, b.id, c.id), (), (), "factual", False, 2),
        Claim("cl_days", "st_bus", "The strike lasted nine days.",
              (sp(a, "nine-day bus strike"), sp(c, "nine-day strike"), sp(b, "lasted eleven days")),
              (a.id, c.id), (b.id,), (), "factual", True, 1),
        Claim("cl_pay", "st_bus", "Drivers' pay rises by 4 percent a year.",
              (sp(a, "4 percent a year"), sp(b, "3 percent a year")), (a.id,), (b.id,), (c.id,),
              "factual", True, 1),
        Claim("cl_vote", "st_bus", "Union members will vote on the deal on March 10.",
              (sp(a, "vote on the deal on March 10"),), (a.id,), (), (b.id, c.id), "factual", True, 1),
        Claim("cl_bargain", "st_bus", "The deal is a bad bargain for taxpayers.",
              (sp(c, "a bad bargain for taxpayers"),), (c.id,), (), (a.id, b.id), "opinion", True, 1),
    )
    discrepancies = (
        Discrepancy("dis_pay", "number", "high", "The yearly raise is 4 percent in one outlet, 3 in another.",
                    ("cl_pay",), (sp(a, "4 percent"), sp(b, "3 percent"))),
        Discrepancy("dis_days", "count", "medium", "The strike's length differs: nine or eleven days.",
                    ("cl_days",), (sp(a, "nine-day"), sp(b, "eleven days"))),
    )
    outlets = (
        OutletProfile("Harbor Gazette", (a.id,), ("cl_deal", "cl_days", "cl_pay", "cl_vote"), ("cl_bargain",),
                      Tone(0.35, {"ent_ruiz": 0.4}, 0.0, "vader"),
                      {"ent_ruiz": 1, "ent_bell": 1}, ("news",)),
        OutletProfile("Metro Daily", (b.id,), ("cl_deal", "cl_days", "cl_pay"), ("cl_vote", "cl_bargain"),
                      Tone(0.12, {}, 0.0, "vader", (_evidence(b, "We won respect at the table", 0.44),)),
                      {"ent_bell": 1}, ("news",)),
        OutletProfile("Valley Post", (c.id,), ("cl_deal", "cl_days", "cl_bargain"), ("cl_pay", "cl_vote"),
                      Tone(-0.48, {"ent_ruiz": -0.3}, 0.0, "vader", (_evidence(c, "it costs too much", -0.5),)),
                      {"ent_okafor": 1}, ("opinion",)),
    )
    return Analysis(
        documents=docs, entities=(ruiz, bell, union, city, okafor), quotes=tuple(q), events=events,
        stories=(Story("st_bus", "Port Alder bus strike ends", (a.id, b.id, c.id)),), claims=claims,
        discrepancies=discrepancies, outlets=outlets,
        derivations=(Derivation(c.id, a.id, 0.41, "shares the phrase 'nine-day strike'"),),
        rejected=(Rejected("/corpus/broken.warc", "truncated WARC record"),),
    )


def _q(doc: Document, words: str) -> tuple[int, int, str]:
    s = sp(doc, words)
    return s.start, s.end, s.text


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return build()


@pytest.fixture(scope="module")
def page(analysis: Analysis) -> str:
    return render_report(analysis)


@pytest.fixture(scope="module")
def tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page)


def test_spans_in_fixture_match_text(analysis: Analysis) -> None:
    docs = {d.id: d for d in analysis.documents}
    spans = [m for e in analysis.entities for m in e.mentions] + [m for c in analysis.claims for m in c.mentions]
    spans += [m for d in analysis.discrepancies for m in d.mentions]
    assert all(docs[s.doc].text[s.start:s.end] == s.text for s in spans)


def test_page_is_one_html_document(page: str, tree: lxml.html.HtmlElement) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert tree.tag == "html"
    assert tree.findtext(".//h1") == "newsprism report"
    assert [h.text_content() for h in tree.xpath("//section[@class='story']/h2")] == ["Port Alder bus strike ends"]


def _matrix(tree: lxml.html.HtmlElement) -> dict[str, dict[str, str]]:
    result = {}
    for table in tree.xpath("//table[@class='matrix']"):  # the shown table, then any folded one
        outlets = [th.text_content() for th in table.xpath(".//thead/tr/th[@class='outlet']")]
        for tr in table.xpath(".//tbody/tr"):
            states = [td.get("data-state") for td in tr.xpath("./td[contains(@class,'cell')]")]
            result[tr.get("data-claim")] = dict(zip(outlets, states, strict=True))
    return result


def test_matrix_cells(tree: lxml.html.HtmlElement) -> None:
    m = _matrix(tree)
    # contested claims first, then by the number of outlets reporting them
    assert list(m) == ["cl_days", "cl_pay", "cl_deal", "cl_vote", "cl_bargain"]
    assert m["cl_deal"] == {"Harbor Gazette": "supported", "Metro Daily": "supported", "Valley Post": "supported"}
    assert m["cl_days"] == {"Harbor Gazette": "supported", "Metro Daily": "contradicted", "Valley Post": "supported"}
    assert m["cl_pay"] == {"Harbor Gazette": "supported", "Metro Daily": "contradicted", "Valley Post": "silent"}
    assert m["cl_vote"]["Harbor Gazette"] == "supported" and m["cl_vote"]["Metro Daily"] == "silent"
    cell = tree.xpath("//tr[@data-claim='cl_pay']/td[@data-state='contradicted']")[0]
    assert cell.text_content() == "\u2717" and "3 percent a year" in cell.get("title")


def test_related_contradicting_and_variant_cells() -> None:
    base = build()
    a, b, c = base.documents
    pay = Claim("cl_pay", "st_bus", "Drivers' pay rises by 4 percent a year.",
                (sp(a, "4 percent a year"), sp(b, "3 percent a year")), (a.id,), (b.id,), (),
                "factual", True, 1, related=(c.id,),
                cells=(ClaimCell(a.id, "supports", span=sp(a, "4 percent a year")),
                       ClaimCell(b.id, "contradicts", "dis_pay", sp(b, "3 percent"), sp(a, "4 percent")),
                       ClaimCell(c.id, "related", span=sp(c, "Taxpayers will cover the raises for years"))))
    # the Valley Post spells the mayor's name differently: a variant, still support
    spelling = Discrepancy("dis_name", "name_spelling", "low", "Outlets spell a name differently.",
                           ("cl_deal",), (sp(a, "Elena"), sp(c, "Elena")), variant=True)
    claims = tuple(pay if cl.id == "cl_pay" else cl for cl in base.claims)
    tree = lxml.html.fromstring(render_report(Analysis(
        documents=base.documents, stories=base.stories, claims=claims,
        discrepancies=(*base.discrepancies, spelling))))
    m = _matrix(tree)
    assert m["cl_pay"] == {"Harbor Gazette": "supported", "Metro Daily": "contradicted", "Valley Post": "related"}
    con = tree.xpath("//tr[@data-claim='cl_pay']/td[@data-state='contradicted']")[0]
    assert "number: \u201c3 percent\u201d vs \u201c4 percent\u201d (Harbor Gazette)" in con.get("title")
    rel = tree.xpath("//tr[@data-claim='cl_pay']/td[@data-state='related']")[0]
    assert rel.text_content() == "\u223c" and "Taxpayers will cover the raises" in rel.get("title")
    variants = tree.xpath("//tr[@data-claim='cl_deal']/td[@data-variant='1']")
    assert [td.text_content() for td in variants] == ["\u2713*", "\u2713*"]  # Gazette and Valley Post
    legend = tree.xpath("//div[@class='legend']")[0].text_content()
    assert "related: speaks of the same thing without stating it" in legend and "not a contradiction" in legend
    box = tree.xpath("//div[@data-variant='1']")[0]
    assert "variant, not a contradiction" in box.text_content()
    assert "contradiction" in tree.xpath("//div[@data-variant='0']")[0].xpath(".//h4")[0].text_content()


def test_long_matrix_folds_the_claims_only_one_outlet_reports() -> None:
    base = build()
    a, b, c = base.documents
    story = base.stories[0]
    shared = Claim("cl_shared", story.id, "The strike ended on Wednesday.", (sp(a, "Wednesday"), sp(b, "Wednesday")),
                   (a.id, b.id), (), (c.id,))
    words = [m for m in re.finditer(r"[A-Za-z]{4,}", GAZETTE)][:45]
    singles = tuple(Claim(f"cl_single_{i}", story.id, m.group(), (a.span(m.start(), m.end()),), (a.id,), (),
                          (b.id, c.id)) for i, m in enumerate(words))
    tree = lxml.html.fromstring(render_report(Analysis(documents=base.documents, stories=base.stories,
                                                       claims=(shared, *singles))))
    shown, folded = tree.xpath("//table[@class='matrix']")
    assert [tr.get("data-claim") for tr in shown.xpath(".//tbody/tr")] == ["cl_shared"]
    assert len(folded.xpath(".//tbody/tr")) == 45 and folded.getparent().tag == "details"
    assert folded.getparent().findtext("summary") == "45 more claims, each reported by one outlet only"
    # the short story of the other tests keeps every claim in one table
    assert len(lxml.html.fromstring(render_report(build())).xpath("//table[@class='matrix']")) == 1


def test_matrix_flags_single_source_and_opinion(tree: lxml.html.HtmlElement) -> None:
    def badges(claim: str) -> list[str]:
        return [b.text_content() for b in tree.xpath(f"//tr[@data-claim='{claim}']//span[contains(@class,'badge')]")]

    assert badges("cl_deal") == []
    assert badges("cl_vote") == ["single source"]
    assert badges("cl_bargain") == ["opinion", "single source"]
    legend = tree.xpath("//div[@class='legend']")[0].text_content()
    assert "supported" in legend and "contradicted" in legend and "silent" in legend


def test_discrepancy_shows_both_sentences_with_marks(tree: lxml.html.HtmlElement) -> None:
    boxes = tree.xpath("//div[@class='discrepancy']")
    assert [b.get("data-kind") for b in boxes] == ["number", "count"]  # high first
    # named for people, with the severity's meaning on the badge
    assert [b.xpath("./h4")[0].text_content() for b in boxes] == [
        "Different figures high severity contradiction", "Different counts medium severity contradiction"]
    assert boxes[0].xpath("./h4/span")[0].get("title") == "can change what a reader believes happened"
    sides = boxes[0].xpath(".//div[@class='side']")
    assert [s.xpath("./div[@class='who']")[0].text_content().split(" \u2014")[0] for s in sides] == [
        "Harbor Gazette", "Metro Daily"]
    first, second = (s.xpath("./p")[0] for s in sides)
    assert first.xpath("./mark")[0].text == "4 percent"
    assert first.text_content() == "The deal raises drivers' pay by 4 percent a year over three years."
    assert second.xpath("./mark")[0].text == "3 percent"
    assert second.text_content() == "Under the deal, pay rises by 3 percent a year."


def test_quotes_grouped_by_speaker(tree: lxml.html.HtmlElement) -> None:
    groups = tree.xpath("//div[@class='speaker']")
    # most quoted first, then by name
    assert [g.get("data-speaker") for g in groups] == ["ent_bell", "ent_okafor", "ent_ruiz"]
    bell = groups[0]
    assert "union president" in bell.xpath("./h4")[0].text_content()
    quotes = bell.xpath(".//div[@class='quote']")
    assert [q.get("data-quote") for q in quotes] == ["q2", "q3"]
    assert "Metro Daily" in quotes[1].text_content() and "direct" in quotes[1].text_content()
    assert "indirect" in quotes[0].text_content() and "cue: said" in quotes[0].text_content()
    assert "fair contract" in groups[2].text_content() and "mayor; USA" in groups[2].text_content()


def test_timeline_has_one_marker_per_dated_event(tree: lxml.html.HtmlElement) -> None:
    svg = tree.xpath("//*[local-name()='svg' and contains(@class,'timeline')]")[0]
    markers = svg.xpath(".//*[local-name()='g' and @class='event-marker']")
    # sorted by date: the strike (from Feb 25), talks (Mar 3), then the two agreements (Mar 5)
    assert [m.get("data-event") for m in markers] == ["ev_strike_a", "ev_talks_b", "ev_agree_a", "ev_sign_b"]
    labels = [t.text_content() for t in svg.xpath(".//*[local-name()='text' and @class='label']")]
    assert labels[2] == "Elena Ruiz agreed Transit Workers Union"
    undated = tree.xpath("//ul[@class='undated']/li")
    assert len(undated) == 1 and "Marcus Bell accused Port Alder" in undated[0].text_content()


def test_network_has_one_node_per_entity(tree: lxml.html.HtmlElement) -> None:
    svg = tree.xpath("//*[local-name()='svg' and contains(@class,'network')]")[0]
    nodes = [g.get("data-entity") for g in svg.xpath(".//*[local-name()='g' and @class='node']")]
    assert sorted(nodes) == ["ent_bell", "ent_city", "ent_okafor", "ent_ruiz", "ent_union"]
    assert nodes[0] == "ent_ruiz"  # most mentions (4) first
    arrows = svg.xpath(".//*[local-name()='line' and @class='edge event']")
    assert len(arrows) == 3  # ruiz->union, union->city (3 events, one edge), bell->city
    same = svg.xpath(".//*[local-name()='line' and @class='edge sentence']")
    # "Mayor Elena Ruiz and the Transit Workers Union agreed ..." (gazette, valley) and
    # "The Transit Workers Union and the city of Port Alder signed ..." (metro)
    assert len(same) == 2


def test_outlet_profiles(tree: lxml.html.HtmlElement) -> None:
    rows = {tr.get("data-outlet"): [td.text_content() for td in tr.xpath("./td")]
            for tr in tree.xpath("//table[@class='outlets']/tbody/tr")}
    assert rows["Valley Post"][:7] == ["Valley Post", "1", "opinion", "3", "2", "3", "0"]
    assert rows["Metro Daily"][3:7] == ["3", "2", "1", "2"]
    assert rows["Valley Post"][7].startswith("-0.48")
    tone = tree.xpath("//*[local-name()='svg' and contains(@class,'bars')]")[0]
    assert len(tone.xpath(".//*[local-name()='rect' and contains(@class,'neg')]")) == 1
    notes = [p.text_content() for p in tree.xpath("//p[@class='note']")]
    assert notes.count("Tone method: vader") == 1
    evidence = [li.text_content() for li in tree.xpath("//ul[@class='meta']/li")]
    assert "\u201cWe won respect at the table\u201d (+0.44)" in evidence
    assert "\u201cit costs too much\u201d (-0.50)" in evidence
    quoted = tree.xpath("//*[local-name()='svg' and contains(@class,'bars')]")[1:]
    assert len(quoted) == 3


def test_documents_and_rejected(tree: lxml.html.HtmlElement) -> None:
    art = tree.xpath("//article[@id='doc-doc_valley']")[0]
    text = art.text_content()
    assert "Valley Post" in text and "opinion" in text and "derived from Harbor Gazette" in text
    assert "jsonl field outlet" in text and "https://doc_valley.example/story" in text
    row = tree.xpath("//table[@class='story-docs']//tr[@data-doc='doc_valley']")[0]
    assert "derived from" in row.text_content()
    assert "truncated WARC record" in tree.xpath("//section[@id='rejected']")[0].text_content()


def test_render_is_deterministic(analysis: Analysis, page: str) -> None:
    assert render_report(build()) == page == render_report(analysis)


def test_no_external_resources(page: str, tree: lxml.html.HtmlElement) -> None:
    for el in tree.iter():
        for attr in ("src", "href", "xlink:href"):
            value = el.get(attr)
            assert value is None or value.startswith("#"), (el.tag, attr, value)
    assert not tree.xpath("//script") and not tree.xpath("//link") and not tree.xpath("//img")
    assert "@import" not in page and set(re.findall(r"url\((.)", page)) <= {"#"}  # only in-page refs
    # the only web addresses are the documents' own URLs, shown as text
    assert sorted(set(re.findall(r"https?://[^\s\"'<>]*", page))) == [
        "https://doc_gazette.example/story", "https://doc_metro.example/story", "https://doc_valley.example/story"]


def test_empty_sections_say_so() -> None:
    a = build()
    bare = Analysis(documents=a.documents[:1])
    tree = lxml.html.fromstring(render_report(bare))
    empty = [p.text_content() for p in tree.xpath("//p[@class='empty']")]
    for phrase in ("No claims found for this story.", "No discrepancies found.", "No quotes found.",
                   "No dated events found.", "No actors found.", "No inputs were rejected."):
        assert phrase in empty
    assert tree.xpath("//section[@class='story']/h2")[0].text_content() == "All documents"


def test_no_documents_at_all() -> None:
    tree = lxml.html.fromstring(render_report(Analysis(documents=())))
    assert "No stories" in tree.text_content() and "No documents." in tree.text_content()



def test_one_outlet_with_two_articles_gets_a_mixed_cell() -> None:
    base = build()
    a, b, c = base.documents
    second = Document(
        id="doc_gazette_2", source="/corpus/doc_gazette_2.txt", sha256=sha256_text(METRO), text=METRO,
        outlet="Harbor Gazette", title="Follow-up", authors=(), published=None, genre="news",
        body=Range(0, len(METRO)), removed=())
    claim = Claim("cl_days", "st_bus", "The strike lasted nine days.", (sp(a, "nine-day bus strike"),),
                  (a.id,), (second.id,), (b.id, c.id))
    story = Story("st_bus", "Port Alder bus strike ends", (a.id, second.id, b.id, c.id))
    analysis = Analysis(documents=(a, second, b, c), stories=(story,), claims=(claim,))
    m = _matrix(lxml.html.fromstring(render_report(analysis)))
    assert m == {"cl_days": {"Harbor Gazette": "mixed", "Metro Daily": "silent", "Valley Post": "silent"}}


def test_documents_outside_every_story_get_their_own_section() -> None:
    base = build()
    a, b, c = base.documents
    loose = Document(id="doc_loose", source="/feeds/2025/loose-item.html", sha256=sha256_text("x"), text="x",
                     outlet=None, title=None, authors=(), published=None, genre="unknown", body=Range(0, 1),
                     removed=())
    analysis = Analysis(documents=(a, b, c, loose), stories=base.stories)
    tree = lxml.html.fromstring(render_report(analysis))
    titles = [h.text_content() for h in tree.xpath("//section[@class='story']/h2")]
    assert titles == ["Port Alder bus strike ends", "Documents in no story"]
    row = tree.xpath("//table[@class='story-docs']//tr[@data-doc='doc_loose']")[0]
    assert row.xpath("./td")[0].text_content() == "unknown outlet (loose-item.html)"
    assert row.xpath("./td")[2].text_content() == "unknown"


def test_demo_corpus_name_spelling_in_context(demo_dir: Path) -> None:
    """Real text: two outlets spell the Russian foreign minister's first name differently."""
    docs = []
    for path in sorted(demo_dir.glob("*.txt"))[:2]:
        text = path.read_text(encoding="utf-8")
        docs.append(Document(id=path.stem, source=str(path), sha256=sha256_text(text), text=text, outlet=None,
                             title=None, authors=(), published=None, genre="unknown", body=Range(0, len(text)),
                             removed=()))
    first, second = docs
    dis = Discrepancy("dis_name", "name_spelling", "low", "Sergey or Sergei", (),
                      (sp(first, "Sergey"), sp(second, "Sergei")))
    tree = lxml.html.fromstring(render_report(Analysis(documents=tuple(docs), discrepancies=(dis,))))
    sides = tree.xpath("//div[@class='discrepancy']//div[@class='side']/p")
    assert [s.xpath("./mark")[0].text for s in sides] == ["Sergey", "Sergei"]
    assert sides[0].text_content() == ("On Tuesday, Secretary of State Marco Rubio met his Russian counterpart, "
                                       "Foreign Minister Sergey Lavrov, in Riyadh, Saudi Arabia.")
    assert sides[1].text_content() == (
        "U.S. Secretary of State Marco Rubio (right), Russian Foreign Minister Sergei Lavrov (left), and "
        "Russian President Vladimir Putin's foreign policy adviser Yury Ushakov attend talks in Riyadh on "
        "February 18.")


def test_claim_with_unknown_story_lands_where_its_documents_are() -> None:
    base = build()
    a, b, c = base.documents
    stories = (Story("st_one", "One", (a.id,)), Story("st_two", "Two", (b.id, c.id)))
    claim = Claim("cl_orphan", "st_missing", "Pay rises by 3 percent a year.", (sp(b, "3 percent a year"),),
                  (b.id,), (), (c.id,))
    tree = lxml.html.fromstring(render_report(Analysis(documents=base.documents, stories=stories, claims=(claim,))))
    sections = {s.xpath("./h2")[0].text_content(): s for s in tree.xpath("//section[@class='story']")}
    assert {t: len(s.xpath(".//tr[@data-claim='cl_orphan']")) for t, s in sections.items()} == {"One": 0, "Two": 1}


def test_same_bytes_in_another_process(page: str) -> None:
    import subprocess
    import sys

    import newsprism

    # the other process imports the newsprism this one runs, not whichever the interpreter finds
    package_root = str(Path(newsprism.__file__).resolve().parents[1])
    code = ("import sys; sys.path[:0] = sys.argv[1:3]; from test_report import build; "
            "from newsprism.report import render_report; sys.stdout.write(render_report(build()))")
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), package_root], capture_output=True,
                         env={"PYTHONHASHSEED": "12345", "PATH": ""}, check=True).stdout.decode("utf-8")
    assert out == page


def test_network_draws_the_main_actors_and_lists_the_rest_on_demand() -> None:
    """Fifteen actors named in the Gazette, each a different number of times: the 12 named most
    are drawn and head the table, the other 3 are listed in a folded table."""
    base = build()
    a = base.documents[0]
    words = list(re.finditer(r"[A-Za-z]{3,}", GAZETTE))
    assert len(words) >= 16
    actors = tuple(Entity(f"ent_{i:02d}", f"Actor {i:02d}", "PERSON" if i % 2 else "ORG", (), (), None,
                          tuple(a.span(m.start(), m.end()) for m in words[i:i + 16 - i]))
                   for i in range(15))  # Actor 00 has 16 mentions, Actor 14 has 2
    tree = lxml.html.fromstring(render_report(replace(base, entities=actors, events=())))
    svg = tree.xpath("//*[local-name()='svg' and contains(@class,'network')]")[0]
    drawn = [g.get("data-entity") for g in svg.xpath(".//*[local-name()='g' and @class='node']")]
    assert drawn == [f"ent_{i:02d}" for i in range(12)]
    shown, folded = tree.xpath("//table[@class='entities']")
    assert [tr.get("data-entity") for tr in shown.xpath(".//tbody/tr")] == drawn
    assert [tr.get("data-entity") for tr in folded.xpath(".//tbody/tr")] == ["ent_12", "ent_13", "ent_14"]
    assert folded.getparent().tag == "details"
    assert folded.getparent().findtext("summary") == "3 more actors, mentioned less (not drawn)"
    legend = [span.text_content().strip() for span in tree.xpath("//section[@class='story']//div[@class='legend']")[-2]]
    assert legend == ["Actor type:", "ORG", "PERSON"]


def test_tone_is_drawn_on_its_whole_scale_with_what_it_means(tree: lxml.html.HtmlElement) -> None:
    tone = tree.xpath("//*[local-name()='svg' and contains(@class,'bars')]")[0]
    ticks = [t.text_content() for t in tone.xpath(".//*[local-name()='text' and @class='tick']")]
    assert ticks == ["-1", "0", "+1"]
    ends = [t.text_content() for t in tone.xpath(".//*[local-name()='text' and @class='end']")]
    assert ends == ["\u2190 negative", "positive \u2192"]
    meaning = tree.xpath("//p[contains(@class,'tone-meaning')]")[0].text_content()
    assert "VADER" in meaning and "does not measure bias, fairness or whether a report is true" in meaning
    quoted = tree.xpath("//*[local-name()='svg' and contains(@class,'bars')]")[1]
    assert quoted.xpath(".//*[local-name()='text' and @class='axis-title']")[0].text_content() == "quotes"


def test_timeline_has_a_date_axis_and_a_legend_of_types_and_shapes(tree: lxml.html.HtmlElement) -> None:
    svg = tree.xpath("//*[local-name()='svg' and contains(@class,'timeline')]")[0]
    assert svg.xpath(".//*[local-name()='text' and @class='axis-title']")[0].text_content() == "Date (2025)"
    ticks = [t.text_content() for t in svg.xpath(".//*[local-name()='text' and @class='tick']")]
    assert ticks and ticks[0] == "24 Feb"  # a day before the strike began (25 Feb)
    legends = [d.text_content() for d in tree.xpath("//div[@class='legend']")]
    assert any(t.startswith("Event type (PLOVER):") and "AGREE" in t and "PROTEST" in t for t in legends)
    assert any("diamond: verbal conflict" in t and "triangle: material conflict" in t for t in legends)
