"""Train the sentence-pair judge (newsprism.compare.claims.judge) and write its shipped weights.

Rebuilds ``src/newsprism/resources/judge/judge.safetensors`` and ``judge.json`` from public data
(nothing here is fitted to the demo corpus). Fetch the data into one folder ``DATA`` first:

    DATA/MED/MED.tsv                     github verypluming/MED (860ba36c), MED.tsv            CC BY-SA 4.0
    DATA/coling/train_train_stances.csv  github UKPLab/coling2018_fake-news-challenge (6446c445),
    DATA/coling/train_test_stances.csv     data/fnc-1/corpora/metaclassifier_corpus_9_1/ (FNC-1 train,
    DATA/coling/train_bodies.csv           split 9:1; the repo's code is Apache-2.0, the data has no licence file)
    DATA/fnc-1/competition_test_stances.csv  github FakeNewsChallenge/fnc-1 (29d473af); no licence file
    DATA/fnc-1/competition_test_bodies.csv
    DATA/sick/SICK.txt                   github praguna/sick_dataset (a35d440f), CC BY-NC-SA 3.0:
                                         used ONLY to evaluate, never to train
    DATA/news_pairs.jsonl                optional: the project's labelled news pairs; only split == "dev"
                                         is read (benchmarks/data/news_pairs.jsonl)

(``git clone`` each repository, or ``git show HEAD:<path>`` from a mirror, and copy the files.)

Training data (labels same / related / contradicts / unrelated, see docs/judge.md):
- FNC-1 train (train_train_stances): headline vs the body sentence most like it (static
  embeddings of the packaged all-MiniLM-L6-v2): agree -> same, discuss -> related,
  disagree -> contradicts, unrelated -> unrelated; plus headline vs another sentence of an agreeing
  or discussing body far from the headline -> related;
- MED (all but the held-out fold, every 5th pair): entailment -> same, neutral -> related;
- rules over FNC-1 body sentences: a counted noun's number changed -> contradicts; a negation added
  or removed -> contradicts; an attribution added ("..., officials said") -> same; a sentence of
  another story -> unrelated;
- the news pairs' dev split when given.

Held-out evaluation (printed, and written into judge.json): FNC-1 competition test (new bodies),
the MED held-out fold, SICK (3-way: related and unrelated both count as neutral).

Second stage (``--stage2 N``): continue from the weights in ``--out`` on N pairs drawn again from the
set above, short pairs on different topics (a MED premise with another pair's hypothesis, two FNC-1
headlines; static-embedding cosine below 0.2) -> unrelated, and the news pairs' dev split.

The model: the top ``--layers`` layers of all-MiniLM-L6-v2 and a linear head on [CLS] are trained;
the lower layers stay as shipped, so their outputs are computed once and cached. Torch uses at most
``--threads`` threads. Run:

    PYTHONPATH=src python scripts/train_judge.py --data DATA [--minutes 30]

The shipped weights were made by these runs in turn (2 threads, on a shared 2-core machine; a stage
continues from the weights its predecessor left in --out):

    PYTHONPATH=src python scripts/train_judge.py --data DATA --minutes 22
    PYTHONPATH=src python scripts/train_judge.py --data DATA --stage2 1200 --news-pairs DATA/news_pairs.jsonl \
        --epochs 1 --minutes 9 --eval-per-class 150 --eval-sick 400
    PYTHONPATH=src python scripts/train_judge.py --data DATA --stage2 3000 --news-pairs DATA/news_pairs.jsonl \
        --epochs 2 --minutes 11 --eval-per-class 150 --eval-sick 400
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsprism" / "resources" / "judge"
SEED = 13

SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“‘A-Z0-9])|\n+")
WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000}
COUNTED = re.compile(r"(?<![\d.,$£€])\b(\d{1,3}(?:,\d{3})*|" + "|".join(WORD_NUMBERS) + r")\s+(?:[a-z]+\s+)?"
                     r"([a-z]{3,}s|people|children|men|women)\b(?![.,]\d)")
AUX = re.compile(r"\b(is|was|are|were|has|have|had|will|can|did|does|could|would)( not)?\b")
ATTRIBUTIONS = (", officials said.", ", according to reports.", ", police said.", ", a spokesman said.",
                ", the report says.", ", sources said.")
MAX_WORDS = 40


def csv_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        sys.exit(f"{path}: cannot read ({exc.strerror}); see the docstring of scripts/train_judge.py for the data")


def sentences(body: str) -> list[str]:
    out = []
    for s in SENT_SPLIT.split(body):
        s = " ".join(s.split())
        if 4 <= len(s.split()) <= MAX_WORDS:
            out.append(s)
    return out


def load_bodies(path: Path) -> dict[str, list[str]]:
    return {row["Body ID"]: sentences(row["articleBody"]) for row in csv_rows(path)}


def fnc_pairs(stances: Path, bodies: Path, encoder) -> list[tuple[str, str, str, str]]:
    """(headline, best body sentence, stance, body id) for each FNC-1 row whose body has sentences."""
    from newsprism.compare.embeddings import embed

    sents = load_bodies(bodies)
    rows = csv_rows(stances)
    index: dict[str, np.ndarray] = {}
    for bid, ss in sents.items():
        if ss:
            index[bid] = embed(ss, encoder)
    heads = sorted({r["Headline"] for r in rows})
    hvec = dict(zip(heads, embed(heads, encoder)))
    out = []
    for r in rows:
        bid = r["Body ID"]
        if bid not in index:
            continue
        best = int(np.argmax(index[bid] @ hvec[r["Headline"]]))
        out.append((r["Headline"], sents[bid][best], r["Stance"], bid))
    return out


STANCE = {"agree": "same", "discuss": "related", "disagree": "contradicts", "unrelated": "unrelated"}


def med_rows(path: Path) -> list[tuple[str, str, str, int]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = {"entailment": "same", "neutral": "related"}.get(row["gold_label"])
            if label:
                out.append((row["sentence1"], row["sentence2"], label, int(row["index"])))
    return out


def change_count(s: str, rng: random.Random) -> str | None:
    m = COUNTED.search(s)
    if not m:
        return None
    word = m.group(1)
    value = WORD_NUMBERS.get(word.lower()) or int(word.replace(",", ""))
    if value in (0, 1):
        return None
    new = rng.choice([value + rng.randint(1, 5), max(2, value - rng.randint(1, 5)), value * 2, value * 10 // 3])
    if new == value:
        new = value + 1
    text = f"{new:,}" if "," in word or new >= 10000 else str(new)
    return s[:m.start(1)] + text + s[m.end(1):]


def flip_negation(s: str) -> str | None:
    m = AUX.search(s)
    if not m:
        return None
    if m.group(2):
        return s[:m.start()] + m.group(1) + s[m.end():]
    return s[:m.end()] + " not" + s[m.end():]


def attribute(s: str, rng: random.Random) -> str:
    return s.rstrip(" .") + rng.choice(ATTRIBUTIONS)


def training_set(data: Path, encoder, rng: random.Random, news_dev: list[tuple[str, str, str]]):
    fnc = fnc_pairs(data / "coling" / "train_train_stances.csv", data / "coling" / "train_bodies.csv", encoder)
    by_stance: dict[str, list] = defaultdict(list)
    for h, s, stance, bid in fnc:
        by_stance[stance].append((h, s, bid))
    caps = {"agree": 2000, "discuss": 2000, "disagree": 10_000, "unrelated": 1200}
    pairs: list[tuple[str, str, str, str]] = []
    for stance, items in sorted(by_stance.items()):
        rng.shuffle(items)
        pairs += [(h, s, STANCE[stance], "fnc") for h, s, _ in items[: caps[stance]]]
    # another sentence of a body on the headline's story -> related
    sents = load_bodies(data / "coling" / "train_bodies.csv")
    from newsprism.compare.embeddings import embed

    related = []
    for h, s, bid in by_stance["agree"][:1500] + by_stance["discuss"][:1500]:
        others = [x for x in sents[bid] if x != s]
        if others:
            related.append((h, rng.choice(others)))
    sims = (embed([a for a, _ in related], encoder) * embed([b for _, b in related], encoder)).sum(axis=1)
    far = [pair for pair, sim in zip(related, sims) if sim < 0.5]
    pairs += [(a, b, "related", "fnc-other-sentence") for a, b in far[:700]]
    # MED, all but the held-out fold
    med = [r for r in med_rows(data / "MED" / "MED.tsv") if r[3] % 5 != 0]
    rng.shuffle(med)
    pairs += [(a, b, lab, "med") for a, b, lab, _ in med[:2500]]
    # rules over body sentences
    pool = sorted({s for ss in sents.values() for s in ss})
    rng.shuffle(pool)
    counts = negs = attrs = 0
    for s in pool:
        if counts < 700 and (t := change_count(s, rng)):
            pairs.append((s, t, "contradicts", "rule-count") if rng.random() < 0.5 else (t, s, "contradicts", "rule-count"))
            counts += 1
        elif negs < 500 and (t := flip_negation(s)):
            pairs.append((s, t, "contradicts", "rule-negation") if rng.random() < 0.5 else (t, s, "contradicts", "rule-negation"))
            negs += 1
        elif attrs < 500:
            pairs.append((s, attribute(s, rng), "same", "rule-attribution"))
            attrs += 1
        if counts >= 700 and negs >= 500 and attrs >= 500:
            break
    heads = sorted({h for h, _, _, _ in fnc})
    for _ in range(400):
        pairs.append((rng.choice(heads), rng.choice(pool), "unrelated", "rule-other-story"))
    pairs += [(a, b, lab, "news-dev") for a, b, lab in news_dev]
    rng.shuffle(pairs)
    return pairs


def short_unrelated(data: Path, encoder, rng: random.Random, n: int) -> list[tuple[str, str, str, str]]:
    """Short pairs on different topics (the first stage has few short unrelated pairs): a MED premise with
    the hypothesis of another MED pair, and two FNC-1 headlines, kept when their static-embedding cosine
    is below 0.2."""
    from newsprism.compare.embeddings import embed

    med = [r for r in med_rows(data / "MED" / "MED.tsv") if r[3] % 5 != 0]
    heads = sorted({r["Headline"] for r in csv_rows(data / "coling" / "train_train_stances.csv")})
    cands = []
    for _ in range(n * 2):
        x, y = rng.sample(med, 2)
        cands.append((x[0], y[1], "med-other-pair"))
        cands.append(tuple(rng.sample(heads, 2)) + ("fnc-other-headline",))
    sims = (embed([a for a, _, _ in cands], encoder) * embed([b for _, b, _ in cands], encoder)).sum(axis=1)
    out = {"med-other-pair": [], "fnc-other-headline": []}
    for (a, b, src), sim in zip(cands, sims):
        if sim < 0.2 and len(out[src]) < n // 2:
            out[src].append((a, b, "unrelated", src))
    return out["med-other-pair"] + out["fnc-other-headline"]


def news_dev_pairs(path: Path | None) -> list[tuple[str, str, str]]:
    if path is None or not path.exists():
        return []
    from newsprism.compare.claims.judge import LABELS

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") != "dev":  # the test split is never read into training
            continue
        label = row.get("label")
        a, b = (x.get("text") if isinstance(x, dict) else x for x in (row.get("a"), row.get("b")))
        if label in LABELS and a and b:
            out.append((" ".join(a.split()), " ".join(b.split()), label))
    return out


def batches(tok, pairs, size: int, max_len: int):
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    for start in range(0, len(order), size):
        rows = order[start:start + size]
        enc = tok([pairs[i][0] for i in rows], [pairs[i][1] for i in rows], truncation="longest_first",
                  max_length=max_len, padding=True, return_tensors="pt")
        yield rows, enc


def report(name: str, gold: list[str], pred: list[str], labels: list[str]) -> dict:
    conf = Counter(zip(gold, pred))
    lines = [f"{name}: {len(gold)} pairs, accuracy {sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)):.3f}"]
    figures = {"pairs": len(gold), "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)), 3)}
    for lab in labels:
        tp = conf[(lab, lab)]
        npred = sum(v for (g, p), v in conf.items() if p == lab)
        ngold = sum(v for (g, p), v in conf.items() if g == lab)
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        lines.append(f"  {lab:12s} gold {ngold:5d}  precision {prec:.3f}  recall {rec:.3f}")
        figures[lab] = {"gold": ngold, "precision": round(prec, 3), "recall": round(rec, 3)}
    print("\n".join(lines), flush=True)
    return figures


def evaluate(judge, data: Path, rng: random.Random, encoder, per_class: int = 500, sick_n: int = 1500,
             news_dev: list[tuple[str, str, str]] | None = None) -> dict:
    from newsprism.compare.claims.judge import LABELS

    out = {}
    if news_dev:  # only when training did not read them (--news-pairs-eval)
        pred = judge.labels([(a, b) for a, b, _ in news_dev])
        out["news_pairs_dev"] = report("news pairs, dev split (not trained on)", [g for _, _, g in news_dev], pred,
                                       list(LABELS))
    fnc = fnc_pairs(data / "fnc-1" / "competition_test_stances.csv", data / "fnc-1" / "competition_test_bodies.csv",
                    encoder)
    by: dict[str, list] = defaultdict(list)
    for h, s, stance, _ in fnc:
        by[STANCE[stance]].append((h, s))
    sample = []
    for lab in LABELS:
        items = by[lab][:]
        rng.shuffle(items)
        sample += [(h, s, lab) for h, s in items[:per_class]]
    pred = judge.labels([(a, b) for a, b, _ in sample])
    out["fnc1_competition_test"] = report(f"FNC-1 competition test (up to {per_class} per class)",
                                          [g for _, _, g in sample], pred, list(LABELS))
    med = [r for r in med_rows(data / "MED" / "MED.tsv") if r[3] % 5 == 0]
    pred = judge.labels([(a, b) for a, b, _, _ in med])
    out["med_heldout"] = report("MED held-out fold (index % 5 == 0)", [g for _, _, g, _ in med], pred, ["same", "related"])
    sick = []
    with (data / "sick" / "SICK.txt").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            lab = {"ENTAILMENT": "same", "NEUTRAL": "neutral", "CONTRADICTION": "contradicts"}.get(row["entailment_judgment"])
            if lab:
                sick.append((row["sentence_A"], row["sentence_B"], lab))
    rng.shuffle(sick)
    sick = sick[:sick_n]
    pred = ["neutral" if p in ("related", "unrelated") else p for p in judge.labels([(a, b) for a, b, _ in sick])]
    out["sick_sample"] = report(f"SICK (evaluation only, {sick_n} random pairs, 3-way)", [g for _, _, g in sick], pred,
                                ["same", "neutral", "contradicts"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--news-pairs", type=Path, default=None, help="train on this file's split == dev")
    ap.add_argument("--news-pairs-eval", type=Path, default=None,
                    help="evaluate on this file's split == dev instead (when not trained on it)")
    ap.add_argument("--stage2", type=int, default=0, metavar="N",
                    help="continue from the weights in --out on N replayed first-stage pairs, short unrelated "
                         "pairs and the news pairs' dev split (--news-pairs)")
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=30.0, help="stop training (not caching) after this long")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--eval-only", action="store_true", help="evaluate the weights in --out, do not train")
    ap.add_argument("--eval-per-class", type=int, default=500, help="FNC-1 test pairs per class")
    ap.add_argument("--eval-sick", type=int, default=1500, help="random SICK pairs")
    args = ap.parse_args()

    import torch
    from safetensors.torch import save_file
    from transformers import AutoModel, AutoTokenizer

    from newsprism.compare.claims.judge import (BASE_MODEL, LABELS, MAX_LEN, META, WEIGHTS, PairNet, SupportJudge,
                                                base_model_dir, load_state)
    from newsprism.compare.embeddings import load_encoder

    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    encoder = load_encoder()
    t0 = time.time()
    if not args.eval_only:
        news_dev = news_dev_pairs(args.news_pairs)
        pairs = training_set(args.data, encoder, rng, [] if args.stage2 else news_dev)
        if args.stage2:  # continue from the weights in --out on a replayed sample plus the second stage's pairs
            pairs = rng.sample(pairs, args.stage2) + short_unrelated(args.data, encoder, rng, 600)
            pairs += [(a, b, lab, "news-dev") for a, b, lab in news_dev]
            rng.shuffle(pairs)
        print(f"training pairs: {len(pairs)}  by label {dict(Counter(p[2] for p in pairs))}", flush=True)
        print(f"  by source {dict(Counter(p[3] for p in pairs))}", flush=True)
        path = base_model_dir(BASE_MODEL)
        tok = AutoTokenizer.from_pretrained(path)
        net = PairNet(AutoModel.from_pretrained(path), trained=args.layers)
        if args.stage2:
            load_state(net, str(args.out))
        net.eval()
        cache = []
        for rows, enc in batches(tok, pairs, 32, MAX_LEN):
            hidden = net.lower(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]).to(torch.float16)
            y = torch.tensor([LABELS.index(pairs[i][2]) for i in rows])
            cache.append((hidden, enc["attention_mask"], y))
        tokens = sum(int(m.sum()) for _, m, _ in cache)
        print(f"cached the lower layers: {len(cache)} batches, {tokens} tokens, {time.time() - t0:.0f} s", flush=True)
        params = net.trainable()
        opt = torch.optim.AdamW([{"params": net.top.parameters(), "lr": 5e-5},
                                 {"params": net.head.parameters(), "lr": 1e-3}], weight_decay=0.01)
        steps = args.epochs * len(cache)
        previous = json.loads((args.out / META).read_text(encoding="utf-8")) if args.stage2 else {}
        history = previous.get("stages", [{k: previous[k] for k in ("training_pairs", "training_by_label",
                                           "training_by_source", "epochs_run", "train_seconds")
                                           if k in previous}] if previous else [])
        t1 = time.time()
        budget = args.minutes * 60

        def factor(s: int) -> float:  # warm-up, then linear decay to the end of the epochs or of the time budget
            return min(1.0, (s + 1) / min(50, steps // 10 + 1)) * max(0.05, 1 - max(s / steps, (time.time() - t1) / budget))

        sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
        step = 0
        stop = False
        for epoch in range(args.epochs):
            net.train()
            order = list(range(len(cache)))
            rng.shuffle(order)
            total = 0.0
            for n, bi in enumerate(order):
                hidden, mask, y = cache[bi]
                loss = torch.nn.functional.cross_entropy(net.upper(hidden.float(), mask), y)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
                total += float(loss.detach())
                step += 1
                if n % 50 == 49:
                    print(f"  epoch {epoch + 1} batch {n + 1}/{len(cache)} loss {total / (n + 1):.3f} "
                          f"{time.time() - t1:.0f} s", flush=True)
                if time.time() - t1 > budget:
                    stop = True
                    break
            print(f"epoch {epoch + 1}: mean loss {total / max(1, n + 1):.3f}, {time.time() - t1:.0f} s", flush=True)
            args.out.mkdir(parents=True, exist_ok=True)
            state = {k: v.detach().to(torch.float16).contiguous() for k, v in params.state_dict().items()}
            save_file(state, str(args.out / WEIGHTS))
            meta = {"labels": list(LABELS), "base_model": BASE_MODEL, "trained_layers": args.layers,
                    "max_len": MAX_LEN, "training_pairs": len(pairs),
                    "training_by_label": dict(Counter(p[2] for p in pairs)),
                    "training_by_source": dict(Counter(p[3] for p in pairs)),
                    "epochs_run": epoch + 1 if not stop else round(epoch + (n + 1) / len(cache), 2),
                    "train_seconds": round(time.time() - t1), "seed": SEED}
            meta["stages"] = history + [{k: meta[k] for k in ("training_pairs", "training_by_label",
                                                               "training_by_source", "epochs_run", "train_seconds")}]
            (args.out / META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
            if stop:
                print("time budget reached: stopped", flush=True)
                break
    judge = SupportJudge(folder=str(args.out))
    t2 = time.time()
    figures = evaluate(judge, args.data, random.Random(SEED), encoder, args.eval_per_class, args.eval_sick,
                       news_dev_pairs(args.news_pairs_eval))
    print(f"evaluation: {time.time() - t2:.0f} s", flush=True)
    meta = json.loads((args.out / META).read_text(encoding="utf-8"))
    meta["evaluation"] = figures
    (args.out / META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
