"""Draw the labelled sample of real requests (tests/data/real_labels/), seeded, and check the label
file against the draw.

    .venv/bin/python benchmarks/real_labels_draw.py --corpus /work/corpus/real.jsonl            # check
    (the label file against the draw, and that no note copies words from its text)
    .venv/bin/python benchmarks/real_labels_draw.py --corpus /work/corpus/real.jsonl --list     # ids

Why a script: the sample must be reproducible from the corpus and a seed, so that anyone can see
that the labelled rows were drawn at random and that the dev/test split was made once, before any
tuning. It prints ids, strata and splits only — never a text (the texts have no licence).

The draw: strata are GIER rows by the class of `editor_did` (real_corpus.EDITOR_CLASSES) and the IER
rows. Each stratum gets its share of BASE_SIZE in proportion to its size in the corpus, at least
FLOOR rows. Within a stratum rows are taken in a seeded random order, skipping a row whose
normalised text is already in the sample (GIER repeats a Reddit title once per editor; IER has
two or three sentences per photo pair, so at most one sentence per pair is taken): no text is
labelled twice and none sits in both splits. The drawn rows of each stratum are then shuffled again
and dealt alternately to dev and test (the first to dev), so each stratum is split about in half.

After the sample, with the same random stream, SUPPLEMENT_SIZE rows are drawn the same way from the
rows that mention the canvas (real_corpus.CANVAS_WORDS): the canvas supplement, scored apart, which
makes outpaint recall measurable (a random sample holds about one canvas request).

Then, still with the same random stream, a second dev batch (`batch: "dev2"`, issue 20): each
stratum's share of DEV2_SIZE, at least DEV2_FLOOR, drawn the same way (the same text and IER-pair
skipping, so no text of the first draw comes back), every row in dev. The first draw never depends
on it: it comes last, so the 716 rows before it are drawn exactly as before. Why: the planner was
tuned on the first dev rows until their misses were all kinds already fixed; a fresh batch gives an
untuned read of what the test split would show.

A third dev batch (`batch: "dev3"`) follows dev2 in the same way (DEV3_SIZE, DEV3_FLOOR), for the same
reason one round later: the 978 rows before it are drawn exactly as before. A fourth (`batch: "dev4"`,
DEV4_SIZE, DEV4_FLOOR) follows dev3 likewise, two rounds later: the 1,179 rows before it are drawn exactly as
before, and a fifth (`batch: "dev5"`, DEV5_SIZE, DEV5_FLOOR) follows dev4, one round after dev4 was tuned on: the
1,380 rows before it are drawn exactly as before; a sixth (`batch: "dev6"`, DEV6_SIZE, DEV6_FLOOR) follows dev5, one
round after dev5 was tuned on: the 1,581 rows before it are drawn exactly as before; a seventh (`batch: "dev7"`,
DEV7_SIZE, DEV7_FLOOR) follows dev6, which is tuned on from round 20: the 1,782 rows before it are drawn exactly as
before; an eighth (`batch: "dev8"`, DEV8_SIZE, DEV8_FLOOR) follows dev7, which is tuned on from round 21: the 1,983
rows before it are drawn exactly as before; a ninth (`batch: "dev9"`, DEV9_SIZE, DEV9_FLOOR) follows dev8, which is
tuned on from round 23: the 2,184 rows before it are drawn exactly as before; a tenth (`batch: "dev10"`, DEV10_SIZE,
DEV10_FLOOR) follows dev9, which is tuned on from round 24: the 2,379 rows before it are drawn exactly as before; an
eleventh (`batch: "dev11"`, DEV11_SIZE, DEV11_FLOOR) follows dev10, which is tuned on from round 27: the 2,567 rows
before it are drawn exactly as before. A stratum whose texts run out gives a batch what it has left (dev9 gets the last
4 unseen texts of gier:other, under its floor; dev10 the last 7 of gier:blur), and nothing to the batches after it
(dev10 has no gier:other row; dev11 has neither a gier:other nor a gier:blur row).
later_batches() lists them in draw order; a new batch is one more entry at its end.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.real_corpus import (  # noqa: E402
    CANVAS_SUPPLEMENT,
    CANVAS_WORDS,
    STRATA,
    load_corpus,
    normalized,
    stratum,
)
from retouch.tools.errors import RetouchError  # noqa: E402

SEED = 20
"""The seed of the draw and of the split (issue 20). Never change it: the split is made once."""
BASE_SIZE = 600
FLOOR = 30
SUPPLEMENT_SIZE = 60
"""Rows of the canvas supplement (drawn after the sample, from the rows CANVAS_WORDS matches)."""
DEV2_SIZE = 240
DEV2_FLOOR = 12
"""The second dev batch: each stratum's share of DEV2_SIZE, at least DEV2_FLOOR (the sample's
proportions and floor ratio, scaled)."""
DEV2_BATCH = "dev2"
DEV3_SIZE = 180
DEV3_FLOOR = 10
"""The third dev batch (issue 20, round 13): each stratum's share of DEV3_SIZE, at least DEV3_FLOOR — about
200 rows, as the floor lifts the four small strata."""
DEV3_BATCH = "dev3"
DEV4_SIZE = 180
DEV4_FLOOR = 10
"""The fourth dev batch (issue 20, round 15): drawn like dev3 — each stratum's share of DEV4_SIZE, at least
DEV4_FLOOR — and labelled untuned, so that its reads before and after a round measure that round."""
DEV4_BATCH = "dev4"
DEV5_SIZE = 180
DEV5_FLOOR = 10
"""The fifth dev batch (issue 20, round 17): drawn like dev4 and, like it, labelled untuned — dev4 was tuned on in
round 16, so the round needs a fresh untuned read again."""
DEV5_BATCH = "dev5"
DEV6_SIZE = 180
DEV6_FLOOR = 10
"""The sixth dev batch (issue 20, round 19): drawn like dev5 and, like it, labelled untuned — dev5 was tuned on in
round 18, so the round needs a fresh untuned read again."""
DEV6_BATCH = "dev6"
DEV7_SIZE = 180
DEV7_FLOOR = 10
"""The seventh dev batch (issue 20, round 20): drawn like dev6 and, like it, labelled untuned — dev6 is tuned on from
round 20, so the planner needs a fresh untuned read again."""
DEV7_BATCH = "dev7"
DEV8_SIZE = 180
DEV8_FLOOR = 10
"""The eighth dev batch (issue 20, round 21): drawn like dev7 and, like it, labelled untuned — dev7 is tuned on from
round 21, so the planner needs a fresh untuned read again."""
DEV8_BATCH = "dev8"
DEV9_SIZE = 180
DEV9_FLOOR = 10
"""The ninth dev batch (issue 20, round 23): drawn like dev8 and, like it, labelled untuned — dev8 is tuned on from
round 23, so the planner needs a fresh untuned read again. gier:other has only 4 texts left that no earlier row holds,
so this batch has 4 of them, not 10, and 195 rows in all."""
DEV9_BATCH = "dev9"
DEV10_SIZE = 180
DEV10_FLOOR = 10
"""The tenth dev batch (issue 20, round 24): drawn like dev9 and, like it, labelled untuned — dev9 is tuned on from
round 24, so the planner needs a fresh untuned read again. gier:other was drawn out by dev9, so this batch has none of
it, and gier:blur has only 7 texts left that no earlier row holds, so it has 7 of them, not 10: 188 rows in all."""
DEV10_BATCH = "dev10"
DEV11_SIZE = 180
DEV11_FLOOR = 10
"""The eleventh dev batch (issue 20, round 27): drawn like dev10 and, like it, labelled untuned — dev10 is tuned on from
round 27, so the planner needs a fresh untuned read again. gier:other was drawn out by dev9 and gier:blur by dev10, so
this batch has neither: 181 rows in all."""
DEV11_BATCH = "dev11"


def later_batches() -> tuple[tuple[str, int, int], ...]:
    """(batch, size, floor) of each dev batch drawn after the sample, in draw order: a batch comes after
    every one before it, so it never moves an earlier row. Read at call time (the draw's tests shrink one)."""
    return ((DEV2_BATCH, DEV2_SIZE, DEV2_FLOOR), (DEV3_BATCH, DEV3_SIZE, DEV3_FLOOR),
            (DEV4_BATCH, DEV4_SIZE, DEV4_FLOOR), (DEV5_BATCH, DEV5_SIZE, DEV5_FLOOR),
            (DEV6_BATCH, DEV6_SIZE, DEV6_FLOOR), (DEV7_BATCH, DEV7_SIZE, DEV7_FLOOR),
            (DEV8_BATCH, DEV8_SIZE, DEV8_FLOOR), (DEV9_BATCH, DEV9_SIZE, DEV9_FLOOR),
            (DEV10_BATCH, DEV10_SIZE, DEV10_FLOOR), (DEV11_BATCH, DEV11_SIZE, DEV11_FLOOR))
LABELS = ROOT / "tests" / "data" / "real_labels" / "labels.jsonl"


def quotas(counts: Counter, size: int = BASE_SIZE, floor: int = FLOOR) -> dict[str, int]:
    """Rows per stratum: its share of `size`, rounded, at least `floor` (and at most what it has)."""
    total = sum(counts.values())
    return {name: min(counts[name], max(floor, round(size * counts[name] / total))) for name in STRATA}


def _pair(row: dict) -> str:
    """The photo pair an IER sentence describes (`uid#k`); a GIER row is its own."""
    return row["id"].split("#")[0] if row["source"].startswith("ier") else row["id"]


def draw(corpus: list[dict], seed: int = SEED) -> list[dict]:
    """[{id, stratum, split}] for the sample, in stratum order then draw order."""
    rng = random.Random(seed)
    by_stratum: dict[str, list[dict]] = {name: [] for name in STRATA}
    for row in corpus:
        by_stratum[stratum(row)].append(row)
    want = quotas(Counter({name: len(rows) for name, rows in by_stratum.items()}))
    by_stratum[CANVAS_SUPPLEMENT] = [row for row in corpus if CANVAS_WORDS.search(row["text"])]
    want[CANVAS_SUPPLEMENT] = SUPPLEMENT_SIZE
    seen_texts: set[str] = set()
    seen_pairs: set[str] = set()

    def take(rows: list[dict], count: int) -> list[dict]:
        """`count` rows of `rows` in a seeded order, skipping a text or an IER pair already drawn."""
        order = list(rows)
        rng.shuffle(order)
        picked: list[dict] = []
        for row in order:
            if len(picked) == count:
                break
            text, pair = normalized(row["text"]), _pair(row)
            if text in seen_texts or pair in seen_pairs:
                continue
            seen_texts.add(text)
            seen_pairs.add(pair)
            picked.append(row)
        return picked

    sample: list[dict] = []
    for name in (*STRATA, CANVAS_SUPPLEMENT):           # the supplement last: the sample never depends on it
        picked = take(by_stratum[name], want[name])
        rng.shuffle(picked)
        sample += [{"id": row["id"], "stratum": name, "split": "dev" if i % 2 == 0 else "test"}
                   for i, row in enumerate(picked)]
    sizes = Counter({name: len(by_stratum[name]) for name in STRATA})
    for batch, size, floor in later_batches():
        share = quotas(sizes, size, floor)
        for name in STRATA:                             # each batch after all before it: earlier rows never move
            sample += [{"id": row["id"], "stratum": name, "split": "dev", "batch": batch}
                       for row in take(by_stratum[name], share[name])]
    return sample


COPY_RUN = 4
"""A note may share no run of this many words with its row's text: notes are the labeller's words."""


def copied_words(note: str, text: str) -> str | None:
    """The first run of COPY_RUN words of `note` that also appears in `text` (None if there is none)."""
    words = re.findall(r"[a-z0-9']+", note.lower())
    text_words = " ".join(re.findall(r"[a-z0-9']+", text.lower()))
    for start in range(len(words) - COPY_RUN + 1):
        run = " ".join(words[start:start + COPY_RUN])
        if f" {run} " in f" {text_words} ":
            return run
    return None


def check(labels_path: Path, sample: list[dict], texts: dict[str, str] | None = None) -> list[str]:
    """Each way the label file differs from the draw: a missing or extra id, a wrong stratum or split,
    and a note that copies words from its text."""
    drawn = {row["id"]: row for row in sample}
    problems = []
    labelled = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labelled[row["id"]] = row
    for ident, row in drawn.items():
        got = labelled.get(ident)
        if got is None:
            problems.append(f"{ident}: drawn but not labelled")
        elif (got.get("stratum"), got.get("split"), got.get("batch")) != (row["stratum"], row["split"], row.get("batch")):
            problems.append(f"{ident}: labelled as {got.get('stratum')}/{got.get('split')}/{got.get('batch')}, "
                            f"drawn as {row['stratum']}/{row['split']}/{row.get('batch')}")
    problems += [f"{ident}: labelled but not drawn" for ident in labelled.keys() - drawn.keys()]
    for ident, row in labelled.items():
        run = copied_words(row.get("note", ""), (texts or {}).get(ident, ""))
        if run:
            problems.append(f"{ident}: the note copies {COPY_RUN} words of the text; say it in your own words")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, help="the corpus built by ../shared/tools/real_requests.py")
    parser.add_argument("--list", action="store_true", help="print the drawn ids as JSON lines (no texts)")
    parser.add_argument("--labels", default=str(LABELS), help="the label file to check against the draw")
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.corpus)
    except RetouchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sample = draw(corpus)
    if args.list:
        for row in sample:
            print(json.dumps(row))
        return 0
    counts = Counter((row["stratum"], row.get("batch") or row["split"]) for row in sample)
    columns = ("dev", "test", *(batch for batch, _, _ in later_batches()))
    print(f"{'stratum':<18}" + "".join(f"{column:>6}" for column in columns))
    for name in (*STRATA, CANVAS_SUPPLEMENT):
        print(f"{name:<18}" + "".join(f"{counts[(name, column)]:>6}" for column in columns))
    print(f"{'sample (no supp.)':<18}" + "".join(
        f"{sum(v for (s, c), v in counts.items() if c == column and s != CANVAS_SUPPLEMENT):>6}" for column in columns))
    texts = {row["id"]: row["text"] for row in corpus}
    problems = check(Path(args.labels), sample, texts) if Path(args.labels).is_file() else ["no label file yet"]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
