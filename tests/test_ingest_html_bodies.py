"""Article bodies that the cleaner used to cut or drop (found by benchmarks/extract_bodies.py on
real pages, written here as hand-made text and HTML): long attribute values, Chinese and Japanese
text, tables and lists inside and at the end of the body, words of page furniture in prose."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import build_document, read_sources
from newsprism.ingest.html import most_attributes
from newsprism.model import Document, RawSource


def _doc(text: str) -> Document:
    return build_document(RawSource("mem", "txt", text))


def _kept(doc: Document) -> str:
    return " ".join(doc.clean_text()[doc.body.start: doc.body.end].split())


STORY = ("<p>The water board raised its rates by 6 percent on Monday, the first rise in four years, "
         "after a dry summer emptied two of the region's reservoirs.</p>"
         "<p>Households will pay about $3 more a month from January, the board said, and farms "
         "that draw more than a set amount will pay a higher rate.</p>")


def test_words_of_a_long_attribute_value_are_not_attributes(tmp_path: Path) -> None:
    summary = " ".join(["the board raised its water rates"] * 300)  # 1,800 words in one attribute
    page = (f'<html><head><meta name="body" content="{summary}"><title>Rates</title></head>'
            f'<body><svg><path d="{" ".join(["L 1.5 2.5"] * 700)}"/></svg><article>{STORY}</article></body></html>')
    assert most_attributes(page) == 2  # name= and content=; the path's d= is one attribute
    path = tmp_path / "rates.html"
    path.write_text(page, encoding="utf-8")
    (raw,) = read_sources([path])
    assert isinstance(raw, RawSource), raw
    assert "first rise in four years" in _kept(build_document(raw))


def test_a_tag_with_many_real_attributes_is_still_refused(tmp_path: Path) -> None:
    quoted = "<p " + " ".join(f'data-a{i}="x y"' for i in range(1500)) + ">text</p>"
    bare = "<p " + " ".join(f"a{i}" for i in range(1500)) + ">text</p>"
    unquoted = "<p " + " ".join(f"a{i}={i}" for i in range(1500)) + ">text</p>"
    assert [most_attributes(t) for t in (quoted, unquoted)] == [1500, 1500]
    assert most_attributes(bare) >= 1500
    path = tmp_path / "attrs.html"
    path.write_text(f"<html><body>{quoted}{STORY}</body></html>", encoding="utf-8")
    (item,) = read_sources([path])
    assert not isinstance(item, RawSource) and "--max-attributes" in item.reason


JAPANESE = (
    "東京都、自転車専用道路の計画を発表\n"
    "東京都は月曜日、都心と湾岸地区を結ぶ新しい自転車専用道路の建設計画を発表した。\n"
    "計画によると、道路は来年春に着工し、二年後の完成を目指す。総工費は約四十億円の見込みだという。\n"
    "都の担当者は記者会見で、自転車と歩行者の事故を減らすことが最大の目的だと説明した。\n"
    "一方で、沿道の商店街からは工事中の売り上げ減少を心配する声も上がっている。\n"
)


def test_japanese_sentences_are_article_text() -> None:
    doc = _doc(JAPANESE)
    kept = _kept(doc)
    assert kept.startswith("東京都は月曜日、都心と湾岸地区")
    assert kept.endswith("心配する声も上がっている。")
    assert doc.title == "東京都、自転車専用道路の計画を発表"


TOUR = (
    "The band will tour North America next summer for the first time in a decade, its label said "
    "on Tuesday, with tickets on sale from Friday morning.\n"
    "The singer said the shows would draw on all six of the group's albums and that two new songs "
    "would be played live for the first time.\n"
    "Tour dates\n"
    "June 9 – Tampa, FL @ Lakeside Amphitheatre\n"
    "June 12 – Atlanta, GA @ Riverside Arena\n"
    "June 15 – Nashville, TN @ Music Row Hall\n"
    "June 18 – Chicago, IL @ Lakefront Pavilion\n"
    "Share on Facebook\n"
    "Related stories\n"
)


def test_a_list_after_the_last_paragraph_is_the_article() -> None:
    doc = _doc(TOUR)
    kept = _kept(doc)
    assert kept.endswith("June 18 – Chicago, IL @ Lakefront Pavilion")
    assert "Tour dates June 9 – Tampa" in kept
    assert "Share on Facebook" not in kept and "Related stories" not in kept


def test_short_lines_after_the_last_paragraph_are_still_furniture() -> None:
    text = TOUR.split("Tour dates")[0] + "Sport\nWeather\nTravel\n"  # a menu, no numbers, no bullets
    kept = _kept(_doc(text))
    assert kept.endswith("played live for the first time.")


STANDINGS = (
    "Standings\n"
    "On this page you will always find the latest standings of the league!\n"
    "Save it to your bookmarks and come back after every round!\n"
    "Final standings after 36 rounds:\n"
    "| Pos. | Driver | Points | Wins |\n"
    "| 1 | Ana Lima | 5040 | 5 |\n"
    "| 2 | Rui Costa | 5035 | 7 |\n"
    "| 3 | Eva Sousa | 5033 | 4 |\n"
    "Only the top 12 drivers compete for the title in the last ten races.\n"
    "The calendar for next season has 36 races in all.\n"
)


def test_a_table_between_the_first_paragraphs_is_in_the_body() -> None:
    kept = _kept(_doc(STANDINGS))
    # two short exclamations open the body; one looks like a heading but is a sentence
    assert kept.startswith("On this page you will always find")
    assert "| 2 | Rui Costa | 5035 | 7 |" in kept
    assert kept.endswith("has 36 races in all.")


def test_a_paragraph_that_introduces_a_table_starts_the_body() -> None:
    text = (
        "Match report\n"
        "Below, we look at the snap counts and the statistics of the defence in Sunday's game.\n"
        "Defensive line\n"
        "| Pos | Player | Plays | % |\n"
        "| DL | Tom Reyes | 63 | 85% |\n"
        "| DL | Sam Okafor | 57 | 77% |\n"
        "| DL | Lee Park | 49 | 66% |\n"
        "The line had eleven hits on the quarterback, the most of any game this season.\n"
        "The coach said on Monday that the starters would rest for part of next week's game.\n"
    )
    kept = _kept(_doc(text))
    assert kept.startswith("Below, we look at the snap counts")
    assert "| DL | Lee Park | 49 | 66% |" in kept


def test_furniture_words_inside_prose_are_not_furniture() -> None:
    lines = [
        "The streaming service was hit by outages on its first day, when millions of people tried "
        "to watch at once and many could not log in for hours.",
        "The company's engineers isolated the problem, a spokesman said, and patched the software "
        "as it continued to sign up additional subscribers throughout the week.",
        "Before the rival product came out, I spent a few months testing the older charger (pictured "
        "above), which launched first; both offer a very similar experience, but the older one is "
        "bulkier, charges more slowly and costs more, so I would only buy it on a sale, and even "
        "then I would think twice before I did.",
        "Aktuell tritt genau das ein, was von allen Seiten vermieden werden sollte: Die Entwicklung "
        "von ePA/ePF verläuft langwierig, und es entstehen eigene Insellösungen der Kassen.",
        "The service said it expected the number of subscribers to double by the end of the year.",
        "Sign up for our daily newsletter",
        "Protesters gather in the central square on Sunday. AFP/Getty",
        "The new chairman (left) with the outgoing chair at the meeting",
        "Sign up now to get the story in your inbox.",
        "(Sign up for the Morning Energy tip sheet)",
        "To read more editorials, go to the opinion page or sign up for the daily opinion e-mail newsletter.",
        "Election coverage all year round. Email Sign up",
    ]
    last = "Analysts said the price rise announced last month had not slowed sign-ups so far."
    doc = _doc("\n".join([*lines, last]) + "\n")  # the furniture lines inside the body
    kept = _kept(doc)
    assert kept.endswith(last)
    for line in lines[1:5]:
        assert " ".join(line.split()) in kept, line
    reasons = {doc.text[r.start: r.end]: r.reason for r in doc.removed}
    assert reasons == {lines[5]: "promo", lines[6]: "caption", lines[7]: "caption", lines[8]: "promo",
                       lines[9]: "promo", lines[10]: "promo", lines[11]: "promo"}


def test_script_and_style_text_is_not_a_tag(tmp_path: Path) -> None:
    # a script comparing with '<', a CDATA block in a style, a comment: text to an HTML parser
    code = "for (var i = 0; i<n; i++) { total = total + values[i] * weights[i]; } " * 200
    style = "<style>/*<![CDATA[*/ " + "img.icon { display: inline !important; border: none } " * 200 + "/*]]>*/</style>"
    page = (f"<html><head>{style}<script>{code}</script><!-- <x {'y ' * 2500}--></head>"
            f"<body><article>{STORY}</article></body></html>")
    assert most_attributes(page) == 0
    path = tmp_path / "scripted.html"
    path.write_text(page, encoding="utf-8")
    (raw,) = read_sources([path])
    assert isinstance(raw, RawSource), raw
    assert "first rise in four years" in _kept(build_document(raw))


RECIPE = """<html><head><title>Almond biscuits for the holidays</title></head><body>
<nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav>
<article>
<h1>Almond biscuits for the holidays</h1>
<p>Ready in 40 minutes</p>
<p>These small biscuits keep for two weeks in a tin, and the dough can be made a day ahead and left
to rest in the fridge overnight.</p>
<p>They need no special tools: a bowl, a baking sheet and an oven that holds its heat are all it
takes to make forty of them.</p>
<h2>Ingredients</h2>
<ul><li>200 g sugar</li><li>250 g ground almonds</li><li>2 egg whites</li><li>1 lemon, zest only</li></ul>
<p>Mix everything into a smooth dough, roll it into small balls and bake them at 180 degrees for
12 minutes.</p>
<p>Let them cool on the sheet.</p>
<p>Enjoy!</p>
<p>Share on Facebook</p>
</article>
<footer><p>Copyright 2024 Example Kitchen. All rights reserved.</p></footer>
</body></html>"""


def test_short_lines_at_the_edges_of_an_html_extraction_are_kept(tmp_path: Path) -> None:
    # trafilatura already cut the page down to its main content: the lead line and the closing
    # line are the page's own; the headline is the title and a share button is still furniture
    path = tmp_path / "biscuits.html"
    path.write_text(RECIPE, encoding="utf-8")
    (raw,) = read_sources([path])
    assert isinstance(raw, RawSource), raw
    doc = build_document(raw)
    kept = _kept(doc)
    assert doc.title == "Almond biscuits for the holidays"
    assert kept.startswith("Ready in 40 minutes These small biscuits")
    assert "Ingredients - 200 g sugar - 250 g ground almonds" in kept
    assert kept.endswith("Let them cool on the sheet. Enjoy!")
    assert "Share on Facebook" not in kept and "Almond biscuits" not in kept
    # the same lines as a plain text file (a whole page's text): trimmed at both edges as before
    plain = _kept(_doc(raw.text))
    assert plain.startswith("These small biscuits") and plain.endswith("Let them cool on the sheet.")


def test_the_word_copyright_in_a_paragraph_is_not_a_notice() -> None:
    lines = [
        "The foundation, which lawyers set up twenty years ago, offers free copyright licences that "
        "let artists share their work on their own terms, and it now has offices in forty countries.",
        "The court said on Friday that the singer's copyright had not been broken by the short sample, "
        "which lasted less than two seconds and could not be recognised by most listeners.",
    ]
    notices = ["Copyright 2024 Example Media Group.", "Copyright: Jane Roe", "© Example Media 2024",
               "Republishing this copyright poll without credit is prohibited."]
    first = ("The foundation was set up twenty years ago by a group of lawyers and now has offices "
             "in forty countries, a spokeswoman said on Monday.")
    last = "The foundation said the number of works shared under its licences had doubled since 2020."
    doc = _doc("\n".join([first, lines[0], notices[0], lines[1], *notices[1:], last]) + "\n")
    kept = _kept(doc)
    for line in lines:
        assert line in kept, line
    reasons = {doc.text[r.start: r.end]: r.reason for r in doc.removed}
    assert reasons == {n: "legal" for n in notices}
