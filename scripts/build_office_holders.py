"""Build src/newsprism/resources/actors_office_holders.tsv from fetched public data.

Sources (each fetched with the `fetch` tool; the arguments are their git directories, read with
`git show HEAD:<file>`, or folders holding the same files):

1. github.com/unitedstates/congress-legislators (CC0 1.0; public domain): executive.yaml (every
   U.S. president and vice president) and legislators-current.yaml (the sitting Congress).
2. EveryPolitician's per-country repositories under github.com/every-politician-scrapers
   (e.g. `russia-cabinet`, `france-cabinet`, `india-ministers`): their `html/` tables are built by
   SPARQL queries from Wikidata, whose data is CC0 1.0 (the repositories add no licence of their
   own; only these Wikidata-derived tables are read, never the pages they scraped). Read:
   meta.json (the country), html/holders21.csv (holders since 2000 of the country's national
   offices: head of state and government, ministers and their deputies, spokespeople,
   ambassadors, heads of agencies, central bank) and html/legislators.csv (the sitting members of
   the national legislature: the chamber named after the country and the chamber with the most
   members; regional assemblies are left out).
3. github.com/every-politician-scrapers/world-leaders-2021 (Wikidata, CC0 1.0): data/wikidata.csv,
   heads of state and government of every country in office in 2021 or later.

Offices of sub-national rank (governors, mayors, heads of regions, regional assemblies) are left out.
Each row: name, ISO 3166-1 alpha-3 country, office, first start, last end, source. A name with a
comma or parenthesis also gets the part before it. Run

    .venv/bin/python scripts/build_office_holders.py CONGRESS_DIR [EVERYPOLITICIAN_DIR ...]

e.g. `/work/.mirror/unitedstates+congress-legislators/repo /work/.mirror/every-politician-scrapers+*/repo`.
The output is sorted, so the same input always gives the same file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsprism" / "resources" / "actors_office_holders.tsv"
OFFICES = {"prez": "president", "viceprez": "vice president", "sen": "senator", "rep": "representative"}
US_SOURCE = "congress-legislators"
HOLDERS_SINCE = "2000"
HEADER = """\
# Public office holders whose country is known:
# name<TAB>ISO3<TAB>office<TAB>first start<TAB>last end<TAB>source
# Built by scripts/build_office_holders.py from (do not edit by hand):
# - congress-legislators: github.com/unitedstates/congress-legislators (CC0 1.0, public domain),
#   executive.yaml (U.S. presidents and vice presidents) and legislators-current.yaml (sitting
#   Congress), commit {commit}; names: the official full name, "first last", "nickname last".
# - everypolitician:<repository>: github.com/every-politician-scrapers/<repository>, built from
#   Wikidata (CC0 1.0): national offices held since {holders_since} and the sitting members of the
#   national legislature; world-leaders-2021: heads of state and government from 2021.
#   Names: the Wikidata English label (and its part before a comma or parenthesis).
#   Commits:
{commits}
"""
_SUBNATIONAL = re.compile(
    r"\b(?:mayor|governor(?![- ]general)|lieutenant governor|oblast|krai|okrug|province|provincial|prefect"
    r"|prefecture|municipal|municipality|county|district|city|town|canton|cantonal|chief minister"
    r"|first minister|borough|commune|regional (?:assembly|parliament|council|government))\b",
    re.I,
)
_BANK = re.compile(r"\b(?:central|national|reserve|state|people's) bank\b", re.I)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\s+|\s*\(\d{4}[-–]\d{0,4}\)")


def _git(src: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", f"--git-dir={src}", *args], capture_output=True, text=True)


def _text(src: Path, name: str) -> str | None:
    """A file of a folder, or of the HEAD of a fetched git directory; None when absent."""
    if (src / name).is_file():
        return (src / name).read_text("utf-8")
    show = _git(src, "show", f"HEAD:{name}")
    return show.stdout if show.returncode == 0 else None


def _commit(src: Path) -> str:
    rev = _git(src, "rev-parse", "HEAD")
    return rev.stdout.strip() if rev.returncode == 0 else "local files"


def _us_names(person: dict) -> set[str]:
    n = person["name"]
    out = {n["official_full"]} if n.get("official_full") else set()
    for first in filter(None, (n.get("first"), n.get("nickname"))):
        out.add(f"{first} {n['last']}")
    return {" ".join(x.split()) for x in out}


def us_rows(people: list[dict], current_only: bool) -> list[tuple[str, ...]]:
    out = []
    for p in people:
        terms = p["terms"][-1:] if current_only else p["terms"]
        by_office: dict[str, list[dict]] = {}
        for t in terms:
            by_office.setdefault(OFFICES[t["type"]], []).append(t)
        for office, ts in by_office.items():
            if office in ("senator", "representative"):
                office = f"{office} ({ts[-1]['state']})"
            start, end = min(t["start"] for t in ts), max(t["end"] for t in ts)
            person = p["id"].get("bioguide") or p["id"].get("govtrack") or next(iter(_us_names(p)))
            out += [(name, "USA", office, start, end, US_SOURCE, f"us:{person}") for name in _us_names(p)]
    return out


def _countries() -> dict[str, str]:
    """Normalised country name -> ISO3, from the project's own country table."""
    from newsprism.extract.actors.roles import tables

    return dict(tables().country_names)


def country_iso(name: str, known: dict[str, str]) -> str | None:
    from newsprism.extract.actors.roles import _norm

    key = _norm(name)
    for variant in (key, re.sub(r"^(?:kingdom|republic|state|federation) of (?:the )?", "", key),
                    re.sub(r"^(?:the )?(?:people's |islamic |democratic |federal )?republic of (?:the )?", "", key)):
        if variant in known:
            return known[variant]
    return None


def names(label: str) -> list[str]:
    """A Wikidata label as names: the label, and its part before a comma or parenthesis."""
    label = " ".join(label.split())
    if not label or re.fullmatch(r"Q\d+", label):
        return []
    out = [label]
    short = re.split(r"\s*[,(]", label)[0].strip()
    if short and short != label and len(short.split()) >= 2:
        out.append(short)
    return out


def national(office: str) -> bool:
    return not _SUBNATIONAL.search(office) or bool(_BANK.search(office))


def _csv(text: str | None) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text))) if text else []


def _year(date: str) -> str:
    return (date or "")[:4]


def everypolitician_rows(src: Path, known: dict[str, str]) -> tuple[str, list[tuple[str, ...]]]:
    """(repository name, rows) of one every-politician-scrapers repository."""
    repo = src.parent.name.split("+", 1)[-1] if src.name == "repo" else src.name
    source = f"everypolitician:{repo}"
    out: list[tuple[str, ...]] = []
    leaders = _text(src, "data/wikidata.csv")
    meta_text = _text(src, "meta.json")
    if meta_text is None and leaders is not None:  # world-leaders-2021: one row per office holder
        for r in _csv(leaders):
            iso = country_iso(r["country"], known)
            if iso and not (r["end_year"] and r["end_year"] < "2021"):
                out += [(n, iso, r["positionLabel"], r["start_year"], r["end_year"], source, r["officeholder"])
                        for n in names(r["officeholderLabel"])]
        return repo, out
    if meta_text is None:
        sys.exit(f"{src}: no meta.json and no data/wikidata.csv there (not an every-politician-scrapers repository)")
    country = json.loads(meta_text)["jurisdiction"]["name"]
    iso = country_iso(country, known)
    if iso is None:
        sys.exit(f"{src}: country {country!r} is not in resources/actors_countries.tsv")
    for r in _csv(_text(src, "html/holders21.csv")):
        if national(r["position"]) and (not r["end"] or _year(r["end"]) >= HOLDERS_SINCE):
            out += [(n, iso, r["position"], r["start"], r["end"], source, r["personID"])
                    for n in names(r["person"])]
    members = [r for r in _csv(_text(src, "html/legislators.csv")) if not r["end"]]  # sitting members
    family = Counter(_ORDINAL.sub("", r["position"]) for r in members if national(r["position"]))
    chambers = {f for f in family if country.removeprefix("the ").lower() in f.lower()}
    if family:
        chambers.add(family.most_common(1)[0][0])
    for r in members:
        chamber = _ORDINAL.sub("", r["position"])
        if chamber in chambers:  # the terms of one chamber become one row
            out += [(n, iso, chamber, r["start"], r["end"], source, r["personID"]) for n in names(r["person"])]
    return repo, out


def one_country(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each person (by Wikidata or bioguide id) with the country of most of their offices: one
    person holding an office of another country (France's president is a co-prince of Andorra) is
    not two people of one name. A tie keeps every country, and the name stays ambiguous."""
    offices: dict[str, Counter[str]] = {}
    for row in rows:
        offices.setdefault(row[6], Counter())[row[1]] += 1
    keep: dict[str, str | None] = {}
    for person, count in offices.items():
        (top, n), *rest = count.most_common()
        keep[person] = top if not rest or rest[0][1] < n else None
    return [r for r in rows if keep[r[6]] in (None, r[1])]


def merge(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """One row per (name, country, office, source): the first start and the last end (open: '')."""
    spans: dict[tuple[str, ...], tuple[str, str]] = {}
    for name, iso, office, start, end, source, _person in one_country(rows):
        key = (name, iso, office, source)
        if key in spans:
            s0, e0 = spans[key]
            start = min(s0, start) if s0 and start else s0 or start
            end = "" if "" in (e0, end) else max(e0, end)
        spans[key] = (start, end)
    return sorted((n, i, o, s, e, src) for (n, i, o, src), (s, e) in spans.items())


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    us = Path(sys.argv[1])
    executive, current = _text(us, "executive.yaml"), _text(us, "legislators-current.yaml")
    if executive is None or current is None:
        sys.exit(f"{us}: no executive.yaml or legislators-current.yaml there "
                 "(a folder with the YAML files or the fetched git directory)")
    rows = us_rows(yaml.safe_load(executive), current_only=False) + us_rows(yaml.safe_load(current), current_only=True)
    known = _countries()
    commits = []
    for arg in sorted(sys.argv[2:]):
        src = Path(arg)
        repo, found = everypolitician_rows(src, known)
        rows += found
        commits.append(f"#     {repo} {_commit(src)} ({len(found)} rows)")
    table = merge(rows)
    OUT.write_text(HEADER.format(commit=_commit(us), holders_since=HOLDERS_SINCE,
                                 commits="\n".join(commits) or "#     (none)")
                   + "".join("\t".join(r) + "\n" for r in table), "utf-8")
    print(f"{OUT}: {len(table)} rows, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
