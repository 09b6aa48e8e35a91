"""benchmarks/bench_pairs.py: the committed labelled pairs are well formed, and the verdict read
from the claims matrix follows the rules of its module doc (hand-built claims, no model)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_pairs as bp  # noqa: E402

from newsprism.model import Analysis, Claim, ClaimCell, Span  # noqa: E402


def test_committed_pairs_are_well_formed() -> None:
    pairs = bp.load_pairs()
    stories = bp.load_stories()
    assert len(pairs) >= 420
    assert {p.story for p in pairs} <= stories.keys()
    assert len({p.story for p in pairs}) >= 60
    for split in ("dev", "test"):
        assert sum(p.split == split for p in pairs) > len(pairs) / 3
    # no story in both splits, and every side's record belongs to its story
    assert not {p.story for p in pairs if p.split == "dev"} & {p.story for p in pairs if p.split == "test"}
    for p in pairs:
        assert p.a.record in stories[p.story] and p.b.record in stories[p.story]
        assert p.a.outlet != p.b.outlet
        assert p.a.end - p.a.start == len(p.a.text) and p.b.end - p.b.start == len(p.b.text)
    assert {p.label for p in pairs} == set(bp.LABELS)


def test_a_bad_pairs_line_names_the_file_and_line(tmp_path: Path) -> None:
    good = bp.PAIRS.read_text(encoding="utf-8").splitlines()[0]
    row = json.loads(good)
    row["label"] = "agrees"
    path = tmp_path / "pairs.jsonl"
    path.write_text(good + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(bp.PairsError, match=r"pairs\.jsonl:2: label 'agrees'"):
        bp.load_pairs(path)
    row["label"], row["split"] = "same", "dev" if row["split"] == "test" else "test"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(bp.PairsError, match=r"pairs\.jsonl:1: split"):
        bp.load_pairs(path)


def _side(start: int, end: int) -> bp.Side:
    return bp.Side("r", "o", start, end, "x" * (end - start))


def _analysis(*claims: Claim) -> Analysis:
    return Analysis(documents=(), claims=claims)


def _claim(mentions: tuple[Span, ...], cell: ClaimCell) -> Claim:
    return Claim(id="c1", story="s1", text="t", mentions=mentions, support=(), contradicted_by=(),
                 cells=(ClaimCell("A", "supports"), cell))


def test_verdict_reads_the_cell_of_b_for_the_claim_mentioned_in_a() -> None:
    a, b = _side(100, 150), _side(200, 260)
    in_a = Span("A", 110, 140, "")
    # supports with a mention inside span b: same; a mention elsewhere in b: unrelated
    assert bp.verdict(_analysis(_claim((in_a, Span("B", 210, 250, "")), ClaimCell("B", "supports"))),
                      "A", a, "B", b) == "same"
    assert bp.verdict(_analysis(_claim((in_a, Span("B", 300, 350, "")), ClaimCell("B", "supports"))),
                      "A", a, "B", b) == "unrelated"
    # related counts only when the cell's span overlaps span b
    assert bp.verdict(_analysis(_claim((in_a,), ClaimCell("B", "related", span=Span("B", 250, 270, "")))),
                      "A", a, "B", b) == "related"
    assert bp.verdict(_analysis(_claim((in_a,), ClaimCell("B", "related", span=Span("B", 0, 50, "")))),
                      "A", a, "B", b) == "unrelated"
    # contradicts, like related, only when the cell's evidence in b overlaps span b
    assert bp.verdict(_analysis(_claim((in_a,), ClaimCell("B", "contradicts", span=Span("B", 220, 230, "")))),
                      "A", a, "B", b) == "contradicts"
    assert bp.verdict(_analysis(_claim((in_a,), ClaimCell("B", "contradicts", span=Span("B", 400, 420, "")))),
                      "A", a, "B", b) == "unrelated"
    # a claim with no mention in span a says nothing about the pair
    far = Span("A", 0, 90, "")
    assert bp.verdict(_analysis(_claim((far,), ClaimCell("B", "contradicts", span=Span("B", 220, 230, "")))),
                      "A", a, "B", b) == "unrelated"
    assert bp.verdict(_analysis(), "A", a, "B", b) == "unrelated"
