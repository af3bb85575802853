"""Scoring a planner against the hand-labelled real requests (tests/data/real_labels/) and against what
the human editors did on every GIER request. `benchmarks/planner_eval.py --set real` and
`--set gier-agreement` load the planner and call `run_real` / `run_agreement`; the arithmetic
(`score_row`, `agreement_counts`, the matching of heads) is kept in small pure functions so a test
can check it on invented rows.

The figures, per split (dev is tuned on, test is only scored), and per later batch of a split (`BATCHES`: dev2,
dev3, dev4, dev5, dev6, dev7, dev8, dev9, dev10, dev11, on its own line, also counted in its split's):

- **Action P/R/F1** over the multiset of actions of each row, summed over rows. A plan's actions are
  read from its calls (`plan_actions`); a row whose gold is `[]` and a plan with no calls both count
  as the one pseudo-action `none`, so a refusal or a question is scored like any other answer.
  Consecutive repeats count once on both sides (`collapse`): removing two things with one inpaint
  or with two is the same edit. *Strict* uses the row's `actions` only; *alt* uses, per row, the
  one of `actions` and `alt_actions` that gives that row the highest F1 (the first on a tie).
- **Exact**: the collapsed action sequence equals the gold (strict / alt).
- **Head**: over rows with a gold `target` and gold actions: every gold head is matched by the
  target of some `select` in the plan (`heads_match`; the target's words before any preposition,
  read through the planner's TARGET_SYNONYMS, a whole's colour-carrying part as the whole (COLOURED_BY: the iris is
  the eye); singular and plural alike; the same last word, the same word written
  apart or together, or one group of SAME_HEADS). A human of any name ("guy", "lady", "kid", "my dad") is `person`; the
  background is matched by a background inpaint or an inverted selection.
- **Position**: over rows with a gold `position` and gold actions: a `select` with that position,
  or a `region` on that side.
- **Outpaint recall**: over rows whose gold has `outpaint`, the share of plans with an outpaint;
  **sides**: of those, the share whose outpaint names exactly the gold `sides` (rows with sides).
- **Questions**: the share of plans with no calls, of plans whose reply asks (a "?"), and how
  often a plan asks where the gold `ask` is true (recall) and asks where it is false.
- **Unsure**: rows where the rules planner's `plan_with_confidence` is not confident (the rows
  `auto` hands to an LLM).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.real_corpus import (  # noqa: E402
    BUILD_HINT,
    CANVAS_SUPPLEMENT,
    EDITOR_CLASSES,
    STRATA,
    editor_class,
    load_corpus,
)
from benchmarks.real_labels_draw import later_batches  # noqa: E402
from retouch.tools.errors import RetouchError  # noqa: E402

LABELS = ROOT / "tests" / "data" / "real_labels" / "labels.jsonl"
ACTIONS = ("remove", "replace", "recolor", "add", "fix", "background", "outpaint", "crop", "adjust", "enhance",
           "history", "save")
"""The gold vocabulary of tests/data/real_labels/README.md."""
NONE = "none"
"""The pseudo-action of a question or a refusal (a gold `[]`, a plan with no calls)."""
TOOL_ACTIONS = ("outpaint", "adjust", "crop", "enhance", "history", "save")
"""Tools that are an action by their name; an inpaint is its task."""
POSITIONS = frozenset({"left", "right", "top", "bottom", "center", "top-left", "top-right", "bottom-left",
                       "bottom-right", "foreground", "background", "behind"})
SIDES = frozenset({"left", "right", "top", "bottom"})
SPLITS = ("dev", "test")
BATCHES = {batch: "dev" for batch, _, _ in later_batches()}
"""Later batches of labelled rows (`batch`), each in one split: they are scored in their split and
also on a line of their own — a batch's first read, before any tuning on it, is an honest estimate
of what the test split would show. Read from the draw's list (every later batch is drawn all dev), so a new batch
is declared once, there."""

HUMAN_WORDS = frozenset({"rider", "character"})
"""Words the gold labels use for a human that the planner's declaration (`rules_vocab.PERSON_WORDS`, read by
`_person_words`) lacks; every other human word is the planner's, declared once there. All are the finder's
`person`."""
SAME_HEADS = ({"car", "vehicle", "automobile", "suv", "van"}, {"motorcycle", "motorbike"}, {"bike", "bicycle", "cycle"},
              {"text", "lettering", "writing", "word", "words", "caption", "watermark", "timestamp", "date", "url",
               "number"},
              {"glare", "flare", "reflection", "flash", "shine"}, {"cat", "kitten", "kitty"}, {"dog", "puppy"},
              {"tv", "television"}, {"phone", "cellphone", "smartphone"}, {"cup", "mug"},
              {"spot", "dot", "mark", "speck", "blemish", "stain", "dirt"}, {"crease", "fold", "crack", "tear",
                                                                            "scratch"},
              {"sunshade", "umbrella", "parasol"}, {"trash can", "bin", "can", "trash"})
"""Heads that name the same thing for a finder (beyond singular/plural and the human words)."""


# ---- the labels --------------------------------------------------------------------------------------


def _check_label(row: dict, number: int) -> None:
    """A label row in the documented shape, or a ValueError that names the line and the field."""
    where = f"line {number} ({row.get('id', '?')})"
    if not isinstance(row.get("id"), str) or row.get("split") not in SPLITS or row.get("stratum") not in (*STRATA, CANVAS_SUPPLEMENT):
        raise ValueError(f"{where}: id, split (dev/test) and stratum are required")
    for actions in [row.get("actions"), *(row.get("alt_actions") or [])]:
        if not isinstance(actions, list) or any(a not in ACTIONS for a in actions):
            raise ValueError(f"{where}: actions must be lists of {', '.join(ACTIONS)}")
    target = row.get("target")
    if target is not None and not (isinstance(target, str) or (isinstance(target, list) and target and
                                                              all(isinstance(t, str) for t in target))):
        raise ValueError(f"{where}: target must be null, a head noun or a list of them")
    if row.get("position") is not None and row["position"] not in POSITIONS:
        raise ValueError(f"{where}: position {row['position']!r} is not one of the plan's positions")
    if row.get("sides") is not None and not set(row["sides"]) <= SIDES:
        raise ValueError(f"{where}: sides must be left/right/top/bottom")
    if not isinstance(row.get("ask"), bool):
        raise ValueError(f"{where}: ask must be true or false")
    if row.get("batch") is not None and BATCHES.get(row["batch"]) != row["split"]:
        raise ValueError(f"{where}: batch must be one of {', '.join(f'{b} (split {s})' for b, s in BATCHES.items())}")


def load_labels(path: str | Path = LABELS) -> list[dict]:
    """The label rows, checked field by field (a malformed row is an error, never skipped)."""
    rows, seen = [], set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        _check_label(row, number)
        if row["id"] in seen:
            raise ValueError(f"line {number}: {row['id']} is labelled twice")
        seen.add(row["id"])
        rows.append(row)
    return rows


def join_texts(labels: list[dict], corpus_path: str | Path) -> list[dict]:
    """Each label row with its text from the corpus (read at run time; the texts are never stored)."""
    texts = {row["id"]: row["text"] for row in load_corpus(corpus_path)}
    missing = [row["id"] for row in labels if row["id"] not in texts]
    if missing:
        raise RetouchError(f"{len(missing)} labelled ids are not in the corpus (first: {missing[0]})",
                           "the corpus must be built by ../shared/tools/real_requests.py from the pinned snapshots")
    return [{**row, "text": texts[row["id"]]} for row in labels]


# ---- reading a plan ----------------------------------------------------------------------------------


def plan_actions(plan) -> list[str]:
    """A plan's actions in order: each inpaint's task, each tool of TOOL_ACTIONS by its name; a
    plan whose calls are all selections and masks is `select` (an edit that never happens)."""
    found = []
    for call in plan.calls:
        if call.tool == "inpaint":
            found.append(call.args.task)
        elif call.tool in TOOL_ACTIONS:
            found.append(call.tool)
    return found or (["select"] if plan.calls else [])


def collapse(actions: list[str]) -> list[str]:
    """Consecutive repeats once, and `[]` as [NONE]: the sequence that is scored."""
    out: list[str] = []
    for action in actions:
        if not out or out[-1] != action:
            out.append(action)
    return out or [NONE]


def _singular(word: str) -> str:
    word = word.strip().lower()
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child", "teeth": "tooth",
                 "feet": "foot", "glasses": "glass", "leaves": "leaf"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3:
        return word[:-1]
    return word


@functools.cache
def _person_words() -> frozenset[str]:
    """The human words: every word the planner sends to a people-only finder as `person` (`rules_vocab.PERSON_WORDS`:
    'classmate', 'cyclist', 'stepmom' …), so a plan target the finder reads as a person counts as one, and this
    scorer's few label words the planner lacks (`HUMAN_WORDS`)."""
    from retouch.agent.planner.rules_vocab import PERSON_WORDS

    return HUMAN_WORDS | frozenset(PERSON_WORDS)


def _canonical(head: str) -> str:
    """The head a finder looks for: singular, any human word → person — a hyphened one ("sister-in-law", "ex-wife")
    read as written, before its hyphens become spaces."""
    human = _person_words()
    written = head.lower().strip()
    if {_singular(written), "-".join(_singular(part) for part in written.split("-"))} & human:
        return "person"                              # 'brothers-in-law' is each part made singular
    head = " ".join(_singular(w) for w in head.lower().replace("-", " ").split())
    if head in human or head.split()[-1:] and head.split()[-1] in human:
        return "person"
    return head


def same_head(gold: str, got: str) -> bool:
    """Whether a plan's target names the gold head: equal, the same last word, the same letters written apart or
    together ('counter top', 'countertop'), or one group."""
    gold, got = _canonical(gold), _canonical(got)
    if not gold or not got:
        return False
    if gold == got or gold.split()[-1] == got.split()[-1] or gold.replace(" ", "") == got.replace(" ", ""):
        return True                                  # 'golf ball' and 'golfball' are one word written two ways
    return any((gold in group or gold.split()[-1] in group) and (got in group or got.split()[-1] in group)
               for group in SAME_HEADS)


def _synonyms() -> dict[str, str]:
    """The planner's own word → finder-label table, so "guy" in a plan target reads as "man"; and the part that carries
    a whole's colour read as that whole (the planner's COLOURED_BY, reversed), so the irises a plan selects to make the
    eyes green are the eyes the label names."""
    try:
        from retouch.agent.planner.rules_vocab import COLOURED_BY, TARGET_SYNONYMS
    except ImportError:                                     # a planner without the tables: heads as written
        return {}
    return {**TARGET_SYNONYMS, **{part: whole for whole, part in COLOURED_BY.items()}}


_PREPOSITION = re.compile(r"\s(?:in|on|with|from|of|at|behind|near|by|to|next|under|over|out|wearing|holding)\s.*$")


def target_head(target: str) -> str:
    """The head of a select target: what comes before any preposition ("man in red" → "man"),
    lowercase. Only the target is read, not the free `phrase`: the target is what the finder looks for."""
    return _PREPOSITION.sub("", f" {target.lower().strip()} ").strip()


def heads_match(plan, gold_target: str | list[str] | None, synonyms: dict[str, str] | None = None) -> bool | None:
    """Every gold head is matched by a select of the plan (None when the row has no gold head)."""
    if not gold_target:
        return None
    golds = [gold_target] if isinstance(gold_target, str) else list(gold_target)
    synonyms = synonyms if synonyms is not None else _synonyms()
    names: list[str] = []
    background = False
    for call in plan.calls:
        if call.tool == "select":
            head = target_head(call.args.target)
            names += [head, synonyms.get(head, head)]
            background |= bool(call.args.exclude) or head in ("background", "backdrop")
        elif call.tool == "inpaint" and call.args.task == "background":
            background = True
    for gold in golds:
        if _canonical(gold) == "background":
            if not background:
                return False
        elif not any(same_head(gold, name) for name in names):
            return False
    return True


def position_match(plan, gold_position: str | None) -> bool | None:
    """A select at the gold position, or a region on that side (None when the row has none)."""
    if not gold_position:
        return None
    wanted = {gold_position} | ({"background", "behind"} if gold_position in ("background", "behind") else set())
    for call in plan.calls:
        if call.tool == "select" and call.args.position in wanted:
            return True
        if call.tool == "region" and call.args.side in wanted:
            return True
    return False


def outpaint_sides(plan) -> set[str]:
    """The sides the plan's outpaints grow (named, or given a number of pixels)."""
    named: set[str] = set()
    for call in plan.calls:
        if call.tool == "outpaint":
            named |= set(call.args.sides or []) | {side for side in sorted(SIDES) if getattr(call.args, side)}
    return named


def asks(plan) -> bool:
    """The reply asks the user something."""
    return "?" in plan.reply


_REFUSALS = ("I can't", "I can only", "I edit pictures rather", "I make the edit rather")


def refuses(plan) -> bool:
    """The plan declines, saying what it can do instead ("I can't colourise a black-and-white photo; I can …"):
    an honest answer with no edit, told apart from a question by the planners' own reply wording."""
    return not plan.calls and plan.reply.startswith(_REFUSALS)


# ---- scoring -----------------------------------------------------------------------------------------


def row_counts(got: list[str], want: list[str]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) over the collapsed multisets of one row."""
    g, w = Counter(collapse(got)), Counter(collapse(want))
    return sum((g & w).values()), sum(g.values()), sum(w.values())


def best_gold(got: list[str], row: dict) -> list[str]:
    """The one of `actions` and `alt_actions` that gives this row the highest F1 (the first on a tie)."""
    best, best_f1 = row["actions"], -1.0
    for candidate in [row["actions"], *(row.get("alt_actions") or [])]:
        tp, pred, gold = row_counts(got, candidate)
        f1 = 2 * tp / (pred + gold) if pred + gold else 0.0
        if f1 > best_f1:
            best, best_f1 = candidate, f1
    return best


def prf(tp: int, pred: int, gold: int) -> tuple[float | None, float | None, float | None]:
    p = tp / pred if pred else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


@dataclass
class SplitScore:
    """The sums behind one split's figures (see the module docstring)."""

    n: int = 0
    strict: Counter = field(default_factory=Counter)        # tp, pred, gold
    alt: Counter = field(default_factory=Counter)
    exact: int = 0
    exact_alt: int = 0
    head: Counter = field(default_factory=Counter)          # n, ok
    position: Counter = field(default_factory=Counter)
    outpaint: Counter = field(default_factory=Counter)      # n, found, sides_n, sides_ok
    questions: Counter = field(default_factory=Counter)     # no_calls, asks, gold_ask, ask_hit, ask_extra
    unsure: int = 0
    per_action: dict = field(default_factory=dict)          # action -> Counter(tp, pred, gold)

    def figures(self) -> dict:
        """The ratios, None where a figure has no rows."""
        share = (lambda k, c: c[k] / c["n"] if c["n"] else None)
        p, r, f = prf(self.strict["tp"], self.strict["pred"], self.strict["gold"])
        pa, ra, fa = prf(self.alt["tp"], self.alt["pred"], self.alt["gold"])
        q = self.questions
        gold_not_ask = self.n - q["gold_ask"]
        return {
            "n": self.n, "precision": p, "recall": r, "f1": f, "precision_alt": pa, "recall_alt": ra, "f1_alt": fa,
            "exact": self.exact / self.n if self.n else None, "exact_alt": self.exact_alt / self.n if self.n else None,
            "head": share("ok", self.head), "head_n": self.head["n"],
            "position": share("ok", self.position), "position_n": self.position["n"],
            "outpaint_recall": share("found", self.outpaint), "outpaint_n": self.outpaint["n"],
            "sides": self.outpaint["sides_ok"] / self.outpaint["sides_n"] if self.outpaint["sides_n"] else None,
            "sides_n": self.outpaint["sides_n"],
            "no_calls": q["no_calls"] / self.n if self.n else None, "asks": q["asks"] / self.n if self.n else None,
            "gold_ask": q["gold_ask"] / self.n if self.n else None,
            "ask_recall": q["ask_hit"] / q["gold_ask"] if q["gold_ask"] else None,
            "ask_where_not_due": q["ask_extra"] / gold_not_ask if gold_not_ask else None,
            "unsure": self.unsure,
        }


def score_row(score: SplitScore, row: dict, plan, sure: bool | None, synonyms: dict[str, str]) -> dict:
    """Add one row's outcome to its split's sums; return what the row got (for the error listing)."""
    got = plan_actions(plan)
    want = row["actions"]
    score.n += 1
    tp, pred, gold = row_counts(got, want)
    score.strict.update(tp=tp, pred=pred, gold=gold)
    chosen = best_gold(got, row)
    score.alt.update(dict(zip(("tp", "pred", "gold"), row_counts(got, chosen))))
    exact = collapse(got) == collapse(want)
    score.exact += exact
    score.exact_alt += collapse(got) == collapse(chosen)
    g, w = Counter(collapse(got)), Counter(collapse(want))
    for action in set(g) | set(w):
        cell = score.per_action.setdefault(action, Counter())
        cell.update(tp=min(g[action], w[action]), pred=g[action], gold=w[action])
    head = heads_match(plan, row.get("target"), synonyms) if want else None
    if head is not None:
        score.head.update(n=1, ok=int(head))
    position = position_match(plan, row.get("position")) if want else None
    if position is not None:
        score.position.update(n=1, ok=int(position))
    if "outpaint" in want:
        found = "outpaint" in got
        score.outpaint.update(n=1, found=int(found))
        if row.get("sides"):
            score.outpaint.update(sides_n=1, sides_ok=int(outpaint_sides(plan) == set(row["sides"])))
    asked = asks(plan)
    score.questions.update(no_calls=int(not plan.calls), asks=int(asked), gold_ask=int(row["ask"]),
                           ask_hit=int(row["ask"] and asked), ask_extra=int(not row["ask"] and asked))
    if sure is not None:
        score.unsure += not sure
    return {"got": got, "exact": exact, "exact_alt": collapse(got) == collapse(chosen), "head": head,
            "position": position, "sure": sure}


# ---- agreement with the GIER editors -----------------------------------------------------------------

AGREEMENT = {
    "tone": ("adjust or enhance", {"adjust", "enhance"}),
    "inpaint_obj": ("an inpaint", {"remove", "replace", "recolor", "add", "fix", "background", "refine", "cleanup"}),
    "color_bg": ("background or recolour", {"background", "recolor"}),
    "geometry": ("crop or enhance", {"crop", "enhance"}),
    "blur": ("background or adjust", {"background", "adjust"}),
    "other": ("any edit", set(ACTIONS) | {"refine", "cleanup"}),
}
"""Per editor class: what a plan that agrees with the editor does (any one of the actions)."""


def agreement_counts(rows: list[dict], plans: list, sure: list[bool | None]) -> dict[str, Counter]:
    """Per editor class and overall: rows, plans that agree, plans with no calls, unsure rows."""
    table: dict[str, Counter] = {name: Counter() for name in (*EDITOR_CLASSES, "all")}
    for row, plan, confident in zip(rows, plans, sure):
        name = editor_class(row.get("editor_did"))
        got = set(plan_actions(plan))
        for key in (name, "all"):
            cell = table[key]
            cell["n"] += 1
            cell["agree"] += bool(got & AGREEMENT[name][1])
            cell["no_calls"] += not plan.calls
            cell["refused"] += refuses(plan)
            cell["unsure"] += confident is False
    return table


def load_gier(corpus_path: str | Path) -> list[dict]:
    """Every GIER row of the corpus (the ones with what the editor did)."""
    rows = [row for row in load_corpus(corpus_path) if row["source"].startswith("gier")]
    if not rows:
        raise RetouchError(f"no GIER rows in {corpus_path}", "build the corpus with ../shared/tools/real_requests.py")
    return rows


def word_of(text: str) -> str:
    """A safe one-line rendering of a corpus text for the terminal (control characters removed)."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text)


# ---- running a planner -------------------------------------------------------------------------------


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _plan_all(planner, rules, texts: list[str]) -> tuple[list, list[bool | None], Counter, list[float]]:
    """Each text's plan, whether the rules are sure of it, where auto's answers came from, ms each."""
    import time

    detailed = getattr(planner, "plan_detailed", None)
    plans, sure, sources, latencies = [], [], Counter(), []
    for text in texts:
        start = time.perf_counter()
        confident = None
        if detailed is not None:
            info = detailed(text)
            plan = info.plan
            sources[getattr(info, "source", None) or info.status] += 1
        elif planner is rules:
            plan, confident = rules.plan_with_confidence(text)
        else:
            plan = planner.plan(text)
        latencies.append((time.perf_counter() - start) * 1000)
        plans.append(plan)
        sure.append(confident if confident is not None else rules.plan_with_confidence(text)[1])
    return plans, sure, sources, latencies


def run_real(planner, rules, corpus_path: str | Path, splits: tuple[str, ...], errors: int = 0,
             labels_path: str | Path = LABELS) -> dict:
    """Plan every labelled row of `splits`, print the tables, return the figures (ids, never texts)."""
    rows = [row for row in join_texts(load_labels(labels_path), corpus_path) if row["split"] in splits]
    plans, sure, sources, latencies = _plan_all(planner, rules, [row["text"] for row in rows])
    synonyms = _synonyms()
    scores = {split: SplitScore() for split in splits}
    canvas = {split: SplitScore() for split in splits}
    batches = {batch: SplitScore() for batch, split in BATCHES.items()
               if split in splits and any(row.get("batch") == batch for row in rows)}
    outcomes = []
    for row, plan, confident in zip(rows, plans, sure):
        group = canvas if row["stratum"] == CANVAS_SUPPLEMENT else scores
        outcome = score_row(group[row["split"]], row, plan, confident, synonyms)
        if row.get("batch") in batches and group is scores:
            score_row(batches[row["batch"]], row, plan, confident, synonyms)
        outcomes.append({"id": row["id"], "split": row["split"], "stratum": row["stratum"], "actions": row["actions"],
                         **outcome})                # no reply: a reply quotes the request's words
    result: dict = {"labels": str(labels_path), "splits": {}, "batches": {}, "canvas_supplement": {}, "outpaint": {},
                    "per_action": {}, "rows": outcomes}
    print(f"real requests, hand-labelled: {', '.join(f'{s} {scores[s].n}' for s in splits)} rows of the random "
          f"sample, {', '.join(f'{s} {canvas[s].n}' for s in splits)} of the canvas supplement\n")
    print(f"{'split':<13}{'n':>5}{'P':>7}{'R':>7}{'F1':>7}{'F1alt':>7}{'exact':>7}{'ex.alt':>7}{'head':>7}"
          f"{'pos':>7}{'outp.R':>8}{'sides':>7}{'noCall':>8}{'asks':>6}{'ask.R':>7}{'unsure':>8}")
    lines = ([(s, "splits", scores[s]) for s in splits] + [(b, "batches", score) for b, score in batches.items()] +
             [(s, "canvas_supplement", canvas[s]) for s in splits])
    for split, group, score in lines:
        fig = score.figures()
        result[group][split] = fig
        label = {"splits": split, "batches": f"  {split}", "canvas_supplement": f"{split} canvas"}[group]
        print(f"{label:<13}{fig['n']:>5}{_f(fig['precision']):>7}{_f(fig['recall']):>7}{_f(fig['f1']):>7}"
              f"{_f(fig['f1_alt']):>7}{_f(fig['exact']):>7}{_f(fig['exact_alt']):>7}{_f(fig['head']):>7}"
              f"{_f(fig['position']):>7}{_f(fig['outpaint_recall']):>8}{_f(fig['sides']):>7}{_f(fig['no_calls']):>8}"
              f"{_f(fig['asks']):>6}{_f(fig['ask_recall']):>7}{fig['unsure']:>8}")
    print("\n  support (sample): " + "; ".join(
        f"{s}: head {scores[s].head['n']}, pos {scores[s].position['n']}, outpaint {scores[s].outpaint['n']} "
        f"(sides {scores[s].outpaint['sides_n']}), gold ask {scores[s].questions['gold_ask']}" for s in splits))
    for split in splits:
        both = scores[split].outpaint + canvas[split].outpaint
        recall = both["found"] / both["n"] if both["n"] else None
        sides = both["sides_ok"] / both["sides_n"] if both["sides_n"] else None
        result["outpaint"][split] = {"n": both["n"], "recall": recall, "sides_n": both["sides_n"], "sides": sides}
        print(f"  outpaint, sample + canvas supplement, {split}: recall {_f(recall)} of {both['n']} rows, "
              f"sides {_f(sides)} of {both['sides_n']}")
    print("  (P/R/F1 strict over the actions, `none` for a question/refusal; F1alt and ex.alt honour alt_actions; "
          "noCall: plans with no calls; asks: replies with a question; ask.R: asks where the gold asks; "
          "unsure: the rules are not confident; `canvas`: the supplement, never mixed into the sample's rows; an "
          "indented line is a later batch of its split, also counted in the split's line)")
    print(f"\nper action, random sample\n{'action':<12}" + "".join(f"{s + ' P':>9}{s + ' R':>9}{s + ' n':>7}" for s in splits))
    for action in (*ACTIONS, NONE, "select", "refine", "cleanup"):
        cells = [scores[s].per_action.get(action) for s in splits]
        if not any(cells):
            continue
        line = f"{action:<12}"
        for split, cell in zip(splits, cells):
            p, r, _ = prf(cell["tp"], cell["pred"], cell["gold"]) if cell else (None, None, None)
            line += f"{_f(p):>9}{_f(r):>9}{(cell['gold'] if cell else 0):>7}"
            result["per_action"][f"{action}/{split}"] = {"precision": p, "recall": r,
                                                          "support": cell["gold"] if cell else 0}
        print(line)
    if sources:
        result["sources"] = dict(sources)
        print("auto sources: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    ordered = sorted(latencies) or [0.0]
    result["latency_ms"] = {"p50": ordered[len(ordered) // 2], "p95": ordered[int(0.95 * (len(ordered) - 1))]}
    if errors and "dev" in splits:
        shown = 0
        print(f"\nmisses on the dev split (the test split's are never shown: it is not tuned on):")
        for row, outcome, plan in zip(rows, outcomes, plans):
            wrong = not outcome["exact_alt"] or outcome["head"] is False or outcome["position"] is False
            if row["split"] != "dev" or not wrong or shown >= errors:
                continue
            shown += 1
            extra = "".join(f" {k}=wrong" for k in ("head", "position") if outcome[k] is False)
            print(f"  MISS {row['id']}: {word_of(row['text'])[:160]!r}\n       want {row['actions'] or '[]'}"
                  f"{' +ask' if row['ask'] else ''} (target {row.get('target')}, {row['note']}), got "
                  f"{outcome['got'] or '[]'}{extra} sure={outcome['sure']} :: {word_of(plan.reply)[:120]}")
    return result


def run_agreement(planner, rules, corpus_path: str | Path) -> dict:
    """Plan every GIER request and print how often the plan does what the human editor did."""
    rows = load_gier(corpus_path)
    plans, sure, sources, latencies = _plan_all(planner, rules, [row["text"] for row in rows])
    table = agreement_counts(rows, plans, sure)
    result: dict = {"rows": len(rows), "classes": {}}
    print(f"\nagreement with what the GIER editors did: {len(rows)} requests\n")
    print(f"{'editor did':<14}{'n':>6}  {'a plan with …':<26}{'share':>7}{'no calls':>10}{'asks':>7}{'refuses':>9}"
          f"{'unsure':>8}")
    for name in (*EDITOR_CLASSES, "all"):
        cell = table[name]
        wanted = AGREEMENT[name][0] if name != "all" else "the class's own"
        share = cell["agree"] / cell["n"] if cell["n"] else None
        no_calls = cell["no_calls"] / cell["n"] if cell["n"] else None
        refused = cell["refused"] / cell["n"] if cell["n"] else None
        only_asks = no_calls - refused if cell["n"] else None
        result["classes"][name] = {"n": cell["n"], "agree": share, "no_calls": no_calls, "only_asks": only_asks,
                                   "refused": refused, "unsure": cell["unsure"], "wanted": wanted}
        print(f"{name:<14}{cell['n']:>6}  {wanted:<26}{_f(share):>7}{_f(no_calls):>10}{_f(only_asks):>7}"
              f"{_f(refused):>9}{cell['unsure']:>8}")
    print("  (tone: the editor only changed tone/colour; inpaint_obj: removed or painted an object; no calls: "
          "the plan is only a question or a refusal — asks: a question or 'not sure'; refuses: 'I can't …, I can …')")
    if sources:
        result["sources"] = dict(sources)
    ordered = sorted(latencies) or [0.0]
    result["latency_ms"] = {"p50": ordered[len(ordered) // 2], "p95": ordered[int(0.95 * (len(ordered) - 1))]}
    return result
