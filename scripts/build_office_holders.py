"""Build src/newsprism/resources/actors_office_holders.tsv from the congress-legislators data.

Source: github.com/unitedstates/congress-legislators (CC0 1.0; public domain): executive.yaml
(every U.S. president and vice president) and legislators-current.yaml (the sitting Congress).
Get it with the `fetch` tool (github:unitedstates/congress-legislators), then

    .venv/bin/python scripts/build_office_holders.py /work/.mirror/unitedstates+congress-legislators/repo

The argument is either a folder holding the two YAML files or the fetched git directory (read with
`git show HEAD:<file>`). The output is sorted, so the same input always gives the same file.
No public, clearly licensed dataset of other countries' heads of state, heads of government and
foreign ministers was found (everypolitician covers legislatures; Archigos ends in 2004 and states no
licence), so the table holds U.S. office holders only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "resources" / "actors_office_holders.tsv"
OFFICES = {"prez": "president", "viceprez": "vice president", "sen": "senator", "rep": "representative"}
HEADER = """\
# Public office holders whose country is known: name<TAB>ISO3<TAB>office<TAB>first start<TAB>last end
# Source: github.com/unitedstates/congress-legislators (CC0 1.0 Universal, public domain),
# executive.yaml (U.S. presidents and vice presidents) and legislators-current.yaml (sitting Congress),
# commit {commit}. Built by scripts/build_office_holders.py; do not edit by hand.
# Names: the official full name and "first last" (and "nickname last"). Other countries: no clearly
# licensed public dataset was found, so none are listed.
"""


def _read(src: Path, name: str) -> tuple[list[dict], str]:
    if (src / name).is_file():
        return yaml.safe_load((src / name).read_text("utf-8")), "local files"
    show = subprocess.run(["git", f"--git-dir={src}", "show", f"HEAD:{name}"], capture_output=True, text=True)
    if show.returncode != 0:
        sys.exit(f"{src}: no {name} there (a folder with the YAML files or the fetched git directory)")
    commit = subprocess.run(["git", f"--git-dir={src}", "rev-parse", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    return yaml.safe_load(show.stdout), commit


def _names(person: dict) -> set[str]:
    n = person["name"]
    out = {n["official_full"]} if n.get("official_full") else set()
    for first in filter(None, (n.get("first"), n.get("nickname"))):
        out.add(f"{first} {n['last']}")
    return {" ".join(x.split()) for x in out}


def rows(people: list[dict], current_only: bool) -> list[tuple[str, ...]]:
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
            out += [(name, "USA", office, start, end) for name in _names(p)]
    return out


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = Path(sys.argv[1])
    executive, commit = _read(src, "executive.yaml")
    current, _ = _read(src, "legislators-current.yaml")
    table = sorted(set(rows(executive, current_only=False)) | set(rows(current, current_only=True)))
    OUT.write_text(HEADER.format(commit=commit) + "".join("\t".join(r) + "\n" for r in table), "utf-8")
    print(f"{OUT}: {len(table)} rows")


if __name__ == "__main__":
    main()
