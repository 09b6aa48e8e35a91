"""Hostile inputs, generated (never committed as binaries): files that once crashed, stalled or
exhausted the readers, plus good articles to mix with them.

``write_hostile(folder, rng, limits_scale)`` writes one of each kind and returns what a reader
must say about each: ``expected[name] = "good" | "reject"`` (a reject line naming that input) or
``"article+reject"`` (some articles read, then a reject line, as for a truncated WARC).
Used by tests/test_hostile.py and benchmarks/bench_hostile.py.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import socket
import zlib
from pathlib import Path

GOOD_TEXT = (
    "City council approves new budget\n\n"
    "The city council voted 7-2 on Tuesday to approve a budget of $4.2 million for the coming year, "
    "the mayor's office said. Council member Ana Ortiz said the plan would fund two new libraries.\n\n"
    "\"This budget puts readers first,\" Ortiz said after the vote. Opponents said it raised fees.\n"
)


def good_html(title: str) -> str:
    paras = "".join(f"<p>{line}</p>" for line in GOOD_TEXT.splitlines()[2:] if line)
    return (f"<html><head><title>{title}</title><meta charset='utf-8'></head><body><article>"
            f"<h1>{title}</h1>{paras}<p>The vote followed three hours of debate in the chamber, "
            f"where residents spoke for and against the spending plan.</p></article></body></html>")


def warc_bytes(pages: list[str], compress: bool = True, uri: str = "https://example.org/news/{}") -> bytes:
    """A real WARC (gzip members per record when ``compress``) of HTML response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        record = writer.create_warc_record(uri.format(i), "response",
                                           payload=io.BytesIO(page.encode("utf-8")), http_headers=headers)
        writer.write_record(record)
    return buf.getvalue()


def _bomb(expanded: int) -> bytes:
    """A gzip member that expands to ``expanded`` bytes of spaces (about 1,000x smaller)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(chunk) for _ in range(expanded >> 20)]
    return b"".join(parts) + comp.flush()


def write_hostile(folder: Path, rng: random.Random | None = None, scale: int = 1) -> dict[str, str]:
    """Write every kind of hostile input (and some good ones) into ``folder``; return expectations.

    ``scale`` multiplies the sizes of the expensive kinds (1 keeps the whole set under 3 MB on disk)."""
    rng = rng or random.Random(0)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes | str, verdict: str) -> None:
        (folder / name).write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        expected[name] = verdict

    # good articles, each kind of input
    put("good-plain.txt", GOOD_TEXT, "good")
    put("good-page.html", good_html("Council approves budget"), "good")
    put("good-lines.jsonl", json.dumps({"text": GOOD_TEXT.replace("Ortiz", "Ruiz"), "title": "Budget"}) + "\n", "good")
    put("good-utf16.txt", GOOD_TEXT.replace("Ana", "Eva").encode("utf-16"), "good")
    put("good-utf32.txt", GOOD_TEXT.replace("Ana", "Iva").encode("utf-32"), "good")
    put("good-bom.jsonl", "\ufeff" + json.dumps({"text": GOOD_TEXT.replace("Ana", "Una")}) + "\n", "good")
    put("good-u2028.jsonl", json.dumps({"text": GOOD_TEXT.replace("Ana", "Ena") + "A line\u2028break\u0085and\u2029more."},
                                       ensure_ascii=False) + "\n", "good")
    put("good-archive.warc.gz", warc_bytes([good_html("Archive page one"), good_html("Archive page two")
                                            .replace("Ortiz", "Okafor")]), "good")

    # JSONL that once aborted a batch
    put("surrogate-text.jsonl", '{"text": "Council \\ud800 votes ' + "x" * 200 + '"}\n', "reject")
    put("surrogate-title.jsonl", '{"text": ' + json.dumps(GOOD_TEXT) + ', "title": "\\udfff"}\n', "reject")
    put("deep.jsonl", "[" * 100_000 * scale + "]" * 100_000 * scale + "\n", "reject")
    put("bigint.jsonl", '{"text": "x", "n": ' + "9" * 5000 + "}\n", "reject")
    put("authors.jsonl", json.dumps({"text": GOOD_TEXT.replace("Ana", "Ida"),
                                     "authors": [f"Writer {i}" for i in range(20_000 * scale)]}) + "\n", "good")
    # HTML
    put("charset-undefined.html", good_html("Undefined charset").replace("charset='utf-8'", 'charset="undefined"')
        .replace("Ortiz", "Olsen"), "good")
    put("charset-rot13.html", good_html("Rot13 charset").replace("charset='utf-8'", "charset=rot13")
        .replace("Ortiz", "Oduya"), "good")
    put("attributes.html", "<html><body><p " + " ".join(f"a{i}='{i}'" for i in range(100_000 * scale))
        + ">x</p></body></html>", "reject")
    put("table.html", "<table>" + ("<tr>" + "<td>1</td>" * 1000 + "</tr>") * 300 * scale + "</table>", "reject")
    # text that stalls spaCy's tokenizer or is too long
    put("punctuation.txt", GOOD_TEXT.replace("Ana", "Ola").replace(" said. ", " said. " + "!?.,;:" * 2_700 * scale + " "),
        "good")
    put("huge.txt", ("word " * 250_000 * scale), "reject")
    put("binary.txt", bytes(rng.randrange(256) for _ in range(4096)) + b"\x00", "reject")
    put("empty.txt", b"", "reject")
    put("unknown.pdf", b"%PDF-1.4", "reject")
    # WARC
    whole = warc_bytes([good_html("Cut page one").replace("Ortiz", "Ibsen")] * 2 + [good_html("Cut three")] * 2)
    put("truncated.warc.gz", whole[: len(whole) * 2 // 3], "article+reject")
    put("bomb.warc.gz", warc_bytes([good_html("Before the bomb").replace("Ortiz", "Berg")])
        + _bomb(1100 << 20 if scale > 1 else 64 << 20), "article+reject")
    put("bomb-head.warc.gz", _bomb(64 << 20), "reject")
    put("garbage.warc.gz", gzip.compress(b"not a warc at all\r\n" * 100), "reject")
    # names and file kinds
    bad_name = os.fsdecode(b"latin1-\xe9t\xe9.txt")
    (folder / bad_name).write_text(GOOD_TEXT.replace("Ana", "Ute"), encoding="utf-8")
    expected[bad_name] = "good"
    esc_name = "esc-\x1b[31m-\u202eevil.txt"
    (folder / esc_name).write_text(GOOD_TEXT.replace("Ana", "Ines"), encoding="utf-8")
    expected[esc_name] = "good"
    (folder / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    expected[".hidden.txt"] = "reject"
    os.mkfifo(folder / "fifo.txt")
    expected["fifo.txt"] = "reject"
    os.symlink("/dev/zero", folder / "zero.txt")
    expected["zero.txt"] = "reject"
    os.symlink(folder / "no-such-target.txt", folder / "broken.txt")
    expected["broken.txt"] = "reject"
    os.symlink("self-loop.txt", folder / "self-loop.txt")
    expected["self-loop.txt"] = "reject"
    loops = folder / "loops"
    loops.mkdir()
    for i in range(6):  # links back to the folder: walked naively, 6**depth paths
        os.symlink("..", loops / f"up{i}")
        expected[f"loops/up{i}"] = "reject"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "socket.txt"))
    sock.close()
    expected["socket.txt"] = "reject"
    return expected


def mutated(rng: random.Random) -> tuple[str, bytes]:
    """One randomly damaged input of a random kind (for the 10,000-input benchmark)."""
    kind = rng.choice(["txt", "html", "jsonl", "warc.gz"])
    if kind == "txt":
        data = GOOD_TEXT.encode("utf-8")
    elif kind == "html":
        data = good_html("Mutated").encode("utf-8")
    elif kind == "jsonl":
        data = (json.dumps({"text": GOOD_TEXT, "authors": "A; B and C"}) + "\n").encode("utf-8")
    else:
        data = warc_bytes([good_html("Mutated")])
    data = bytearray(data)
    for _ in range(rng.choice([0, 1, 3, 10, 50])):
        op = rng.random()
        pos = rng.randrange(len(data) + 1)
        if op < 0.3 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op < 0.5:
            data[pos:pos] = rng.choice([b"\x00", b"\xff\xfe", b"\\ud800", b"\xe2\x80\xae", b"[" * 2000,
                                        b"!?.,;:" * rng.randrange(1, 3000), b"<p " + b"a=1 " * 5000,
                                        b"9" * 5000, b"\r", b"\n", b"\xed\xa0\x80"])
        elif op < 0.7:
            del data[pos:pos + rng.randrange(1, 200)]
        else:
            data = data[:pos]
    return kind, bytes(data)
