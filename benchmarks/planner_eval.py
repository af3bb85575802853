"""How well a planner maps free-form instructions to the right edit, measured on I2EBench.

    .venv/bin/python benchmarks/planner_eval.py [--planner rules] [--json PATH] [--errors N]
    .venv/bin/python benchmarks/planner_eval.py --planner llm --url http://127.0.0.1:8080/v1 --sample 160
    .venv/bin/python benchmarks/planner_eval.py --planner auto --gguf model.gguf --sample 160
    .venv/bin/python benchmarks/planner_eval.py --planner llm --gguf model.gguf --only-unsure
    .venv/bin/python benchmarks/planner_eval.py --set classes --split both [--planner auto --url …]
    .venv/bin/python benchmarks/planner_eval.py --set real --corpus /work/corpus/real.jsonl [--split dev|test|both]
                                                [--errors N]
    .venv/bin/python benchmarks/planner_eval.py --set gier-agreement --corpus /work/corpus/real.jsonl [--planner …]

`--set classes` (or one class: runon, canvas, constraints, nonsense, numbers, control) runs the
hand-written sets of tests/data/planner_sets/ — each with a dev split (tune on it) and a held-out
test split (only score it): per class the share right (the actions in order, the question where
one is due, every detail), action precision/recall/F1 over the multiset of actions, and how many
rows the rules are unsure about (what `auto` hands to an LLM) or sure about and wrong; then
precision and recall per action and outpaint recall. For I2EBench the rules' sure/unsure split is
printed too.

`--set real --corpus PATH` scores requests written by real people: the hand-labelled rows of
tests/data/real_labels/ (a random stratified sample of the corpus, split once into dev and test,
plus a canvas supplement; see its README), joined at run time with their texts from the corpus that
../shared/tools/real_requests.py builds (the repo holds ids and labels, never the texts). Per split:
action precision/recall/F1 over the multiset of actions, strict and with the rows' `alt_actions`
honoured; exact-sequence accuracy; head accuracy (the gold head noun against the plan's `select`
targets, through the planner's synonyms, with any word for a human as `person` and a background
inpaint as the background); position accuracy; outpaint recall and sides; the question rate
against the gold `ask`; and how many rows the rules are unsure about. A later batch of dev rows
(`batch: "dev2"` … `"dev11"`) is each also scored on its own indented line (its first read, before any tuning on it, is
an untuned estimate of the test split). benchmarks/real_set.py defines each figure. `--errors N` lists misses of the dev split only — it is refused with
`--split test`, because reading the held-out split's misses is tuning on it. With the rules planner
the agreement below is printed too.

`--set gier-agreement --corpus PATH` runs all 5,405 GIER requests and compares each plan with what
the human editor did (`editor_did`): where the editor only changed tone/colour, the share of plans
with an adjust or enhance; where it painted an object (inpaint_obj), the share with an inpaint;
color_bg → background or recolour; crop/rotate/flip → crop or enhance; and per class and overall,
the share of plans with no calls, split into those that only ask (a question, or "not sure what to
change") and those that decline and say what they can do instead ("I can't colourise …; I can …",
`real_set.refuses`).

Data: tests/data/i2ebench/ (16 task files, 2,218 instructions, each in two phrasings: `ori_exp`,
the benchmark's instruction, and `div_exp`, a paraphrase). The file name is the gold task; this
script maps it to the action a Retouch plan should take:

| task | expected action | why |
|---|---|---|
| ObjectRemoval, WatermarkRemoval, ShadowRemoval | remove | a watermark and a shadow are things a detector can find and inpainting can fill |
| ColorAlteration | recolor | |
| BGReplacement | background | |
| Replacement | replace | |
| DirectionPerception, Counting | add | DirectionPerception also checks the relation to the anchor |
| RegionAccuracy | its `from_task`'s action | |
| StyleAlteration | refuse (empty plan), except "black and white" → adjust (saturation -1) | restyling needs a model we don't have; B&W is a tone change |
| Deblurring, HazeRemoval, NoiseRemoval | enhance | sharpen / dehaze / denoise by the measured amount (tools/enhance); for Deblurring and HazeRemoval an adjust (sharpness / contrast up: "make it sharper") is also right (`ALSO_RIGHT`) |
| Lowlight | adjust | its instructions say the direction ("brighten the image"); "it's too dark" would be an enhance |
| RainRemoval, SnowRemoval | refuse (empty plan with an honest reply) | no tool removes rain streaks or falling snow; a blur would be a silent guess |

A plan's action is read from the plan itself, so any backend can be measured: no calls → refuse;
else the task of the first `inpaint`; else the first of outpaint / adjust / enhance / crop / history / save.
Where the instruction names a thing in a fixed pattern (ori_exp "Remove the red slippers from the
image", "Change the color of the bear to brown", "replace dog with cat", "Add a cat to the left of
the dog") the gold target, colour, new object and relation are derived and checked too.

Prints per-action precision/recall, accuracy per task and phrasing, target/relation accuracy and
planning latency (p50/p95); writes JSON (default benchmarks/results/planner_eval.json, or
planner_eval_NAME.json for other planners; planner_real_PLANNER_SPLIT.json and
planner_gier_agreement_PLANNER.json for the real sets, with ids and never texts).

Backends: `rules`, and through the registry `llm` (`--url` for an OpenAI-compatible server, or
`--gguf PATH` for a model file in process) and `auto` (rules, the LLM where the rules are unsure).
An LLM takes seconds per request on a CPU, so `--sample N` draws N rows stratified by task (the
same number from each, seeded), `--limit N` keeps the first N, and `--only-unsure` keeps just the
rows where the rules planner is not confident — the only rows `auto` sends to the LLM. For a sample
the rules planner's accuracy on the same rows is printed too, and for LLM backends every row's raw
model answers, status (ok / repaired / invalid / error) or source (rules / llm / rules-kept) are
written to the JSON. To add a backend, add its "module:Class" to PLANNERS or register it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "i2ebench"
SETS = ROOT / "tests" / "data" / "planner_sets"
CLASSES = ("runon", "canvas", "constraints", "nonsense", "numbers", "control")
"""Hand-written sets, one per class of request (tests/data/planner_sets/README.md), each with a dev
and a held-out test split."""
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "planner_eval.json"
PLANNERS = {"rules": "retouch.agent.planner.rules:RulesPlanner", "llm": "registry", "auto": "registry"}
PHRASINGS = ("ori_exp", "div_exp")
TASK_ACTION = {
    "ObjectRemoval": "remove", "WatermarkRemoval": "remove", "ShadowRemoval": "remove",
    "ColorAlteration": "recolor", "BGReplacement": "background", "Replacement": "replace",
    "DirectionPerception": "add", "Counting": "add", "StyleAlteration": "refuse",
    "Deblurring": "enhance", "HazeRemoval": "enhance", "Lowlight": "adjust",
    "NoiseRemoval": "enhance", "RainRemoval": "refuse", "SnowRemoval": "refuse",
}
ALSO_RIGHT = {"Deblurring": "adjust", "HazeRemoval": "adjust"}
"""A second honest answer: "make the image sharper" says the direction, so an adjust is right too."""
ACTIONS = ("remove", "replace", "recolor", "add", "fix", "background", "adjust", "enhance", "outpaint", "crop",
           "history", "save", "refuse")
EQUIVALENT = ({"person", "people", "husband", "wife", "human", "individual", "man", "woman", "lady"},
              {"airplane", "plane", "aeroplane"}, {"child", "kid", "children", "kids"},
              {"motorcycle", "motorbike"}, {"cattle", "cow"})
UNSEEN = (
    # Everyday phrasings written for this eval after the rules planner was finished (gold by hand, by the
    # plan contract: an edit no tool can do is a refusal). `--set unseen`: where an LLM could earn its place.
    ("get that bicycle outta here", "remove"), ("bin the trash can in the corner", "remove"),
    ("I'd love it if the power lines weren't there", "remove"), ("can we lose the photobomber on the right", "remove"),
    ("nuke the tourists in the back", "remove"), ("the guy in the red hat has to disappear", "remove"),
    ("make the sign on the wall vanish", "remove"), ("no more cables on the floor please", "remove"),
    ("scrub out the graffiti", "remove"), ("take my ex out of this picture", "remove"),
    ("the dog should be a cat", "replace"), ("put a sports car where the old van is", "replace"),
    ("instead of the mug, I want a glass of wine", "replace"), ("trade the umbrella for a balloon", "replace"),
    ("I want the car in blue", "recolor"), ("the wall would look better green", "recolor"),
    ("could her hair be blonde", "recolor"), ("paint the front door yellow", "recolor"),
    ("put me on a beach", "background"), ("new backdrop: a snowy mountain", "background"),
    ("can the background be pure white", "background"), ("I want that bokeh effect behind her", "background"),
    ("a little bird sitting on the fence would be cute", "add"), ("give the man a pair of sunglasses", "add"),
    ("there should be a moon in the sky", "add"),
    ("the photo needs more punch", "enhance"), ("it's way too dark", "enhance"),
    ("a bit moodier and less washed out", "adjust"), ("tone down the colours", "adjust"),
    ("it looks washed out", "adjust"), ("warmer tones please", "adjust"),
    ("give it more room on the left", "outpaint"), ("widen the shot so it's panoramic", "outpaint"),
    ("turn it upside down", "crop"), ("cut off the bottom third", "crop"),
    ("scrap that last change", "history"), ("put it back the way it was before", "history"),
    ("make me look 10 years younger", "refuse"), ("turn this into an anime drawing", "refuse"),
    ("what camera was this taken with?", "refuse"), ("swap faces between the two people", "refuse"),
    ("move the cat to the left", "refuse"), ("make it look professional", "refuse"),
    ("write happy birthday on the cake", "refuse"),
)
RELATIONS = {"left": {"left_of"}, "right": {"right_of"}, "top": {"on", "above"}, "on": {"on", "above"},
             "bottom": {"below"}, "front": {"below", "around"}, "back": {"above", "around"},
             "in": {"on"}, "inside": {"on"}}


def load_planner(name: str, options: dict | None = None):
    if PLANNERS[name] == "registry":
        from retouch.agent import registry

        return registry.load("planner", name, **(options or {}))
    module, cls = PLANNERS[name].split(":")
    return getattr(importlib.import_module(module), cls)()


def select_rows(rows: list[dict], sample: int | None = None, limit: int | None = None, seed: int = 0,
                only_unsure: bool = False) -> list[dict]:
    """The rows to run: optionally only where the rules are unsure, a stratified sample, a limit."""
    import random

    if only_unsure:
        from retouch.agent.planner.rules import RulesPlanner

        rules = RulesPlanner()
        rows = [row for row in rows if not rules.plan_with_confidence(row["text"])[1]]
    if sample is not None and sample < len(rows):
        by_task: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            by_task[row["task"]].append(row)
        tasks = sorted(by_task)
        rng = random.Random(seed)
        picked: list[dict] = []
        for index, task in enumerate(tasks):
            want = sample // len(tasks) + (1 if index < sample % len(tasks) else 0)
            picked += rng.sample(by_task[task], min(want, len(by_task[task])))
        order = {id(row): i for i, row in enumerate(rows)}
        rows = sorted(picked, key=lambda row: order[id(row)])
    return rows[:limit] if limit is not None else rows


def load_rows(which: str = "i2ebench") -> list[dict]:
    if which == "unseen":
        return [{"task": f"unseen:{action}", "gold_task": "unseen", "id": str(i), "phrasing": "ori_exp", "text": text,
                 "action": action, "ori": text} for i, (text, action) in enumerate(UNSEEN)]
    rows = []
    for path in sorted(DATA.glob("*.json")):
        task = path.stem
        for key, item in json.loads(path.read_text()).items():
            gold_task = item.get("from_task", task) if task == "RegionAccuracy" else task
            for phrasing in PHRASINGS:
                text = item.get(phrasing)
                if not text:
                    continue
                action = TASK_ACTION[gold_task]
                if gold_task == "StyleAlteration" and "black and white" in item["ori_exp"].lower():
                    action = "adjust"
                rows.append({"task": task, "gold_task": gold_task, "id": key, "phrasing": phrasing, "text": text,
                             "action": action, "ori": item["ori_exp"]})
    return rows


def _right(row: dict, got: str) -> bool:
    return got == row["action"] or got == ALSO_RIGHT.get(row.get("gold_task", ""))


def plan_action(plan) -> str:
    """The action a plan takes, read from its calls only (works for any planner)."""
    if not plan.calls:
        return "refuse"
    for call in plan.calls:
        if call.tool == "inpaint":
            return call.args.task
    for call in plan.calls:
        if call.tool in ("outpaint", "adjust", "enhance", "crop", "history", "save"):
            return call.tool
    return "select"


def _singular(word: str) -> str:
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child", "leaves": "leaf",
                 "sheeps": "sheep", "glasses": "glasses", "scissors": "scissors", "clothes": "clothes",
                 "trousers": "trousers", "cattle": "cattle", "bus": "bus", "grass": "grass", "strawberrys": "strawberry"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "toes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _same(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    if a == b or a.split()[-1:] == b.split()[-1:]:
        return True
    return any(a in group and b in group for group in EQUIVALENT)


def gold_details(row: dict) -> dict:
    """What the ori_exp pattern says the target / colour / new object / relation is."""
    ori, task = row["ori"].strip().rstrip("."), row["gold_task"]
    gold: dict = {}
    if task == "ObjectRemoval":
        m = re.match(r"remove the (.+?)\s+from the image", ori, re.I)
        if m:
            gold["phrase"] = " ".join(m.group(1).lower().split())
            gold["target"] = _singular(gold["phrase"].split()[-1])
    elif task in ("WatermarkRemoval", "ShadowRemoval"):
        gold["target"] = "watermark" if task == "WatermarkRemoval" else "shadow"
    elif task == "ColorAlteration":
        m = re.match(r"change the colou?r of (?:the |all the )?(.+?) to (\w+)$", ori, re.I)
        if m:
            gold["phrase"] = m.group(1).lower()
            gold["target"] = _singular(re.split(r"\s+(?:of|on)\s+", gold["phrase"])[0].split()[-1].split("'")[0])
            gold["color"] = m.group(2).lower()
    elif task == "Replacement":
        m = re.match(r"replace (.+?) with (.+)$", ori, re.I)
        if m:
            gold["target"], gold["new"] = _singular(m.group(1).lower().split()[-1]), m.group(2).lower()
    elif task == "DirectionPerception":
        m = re.match(r"add (?:a|an|the) (.+?) (?:to|on) (?:the )?(left|right|top|bottom|front|back|inside)? ?(?:of )?"
                     r"(?:the )?(.+)$", ori, re.I)
        if m and m.group(2):
            gold["new"], gold["relation"] = m.group(1).lower(), m.group(2).lower()
            gold["target"] = _singular(m.group(3).lower().split()[-1].split("'")[0])
    return gold


def check_details(plan, gold: dict) -> dict[str, bool]:
    selects = [c.args for c in plan.calls if c.tool == "select"]
    inpaints = [c.args for c in plan.calls if c.tool == "inpaint"]
    regions = [c.args for c in plan.calls if c.tool == "region"]
    out: dict[str, bool] = {}
    if "target" in gold:
        sel = selects[0] if selects else None
        out["target"] = bool(sel) and (_same(sel.target, gold["target"]) or gold.get("phrase", "@") in
                                       (sel.phrase or sel.target).lower())
    if "color" in gold:
        out["color"] = bool(inpaints) and gold["color"] in (inpaints[0].color or "").lower()
    if "new" in gold and inpaints:
        out["new"] = _singular(gold["new"].split()[-1]) in inpaints[-1].prompt.lower() or \
            gold["new"].split()[-1] in inpaints[-1].prompt.lower()
    elif "new" in gold:
        out["new"] = False
    if "relation" in gold:
        rel = next((r.relation for r in regions if r.relation), None)
        out["relation"] = rel in RELATIONS.get(gold["relation"], set())
    return out


def evaluate(planner_name: str = "rules", errors: int = 0, *, options: dict | None = None,
             sample: int | None = None, limit: int | None = None, seed: int = 0, only_unsure: bool = False,
             data: str = "i2ebench") -> dict:
    planner = load_planner(planner_name, options)
    all_rows = load_rows(data)
    rows = select_rows(all_rows, sample, limit, seed, only_unsure)
    detailed = getattr(planner, "plan_detailed", None)
    if detailed is None:
        for row in all_rows[:50]:                    # warm up caches before timing
            planner.plan(row["text"])
    else:                                            # load the model and its prompt prefix, untimed
        planner.plan("remove the man on the left")
    sources: Counter = Counter()
    split: Counter = Counter()
    records: list[dict] = []
    latencies: list[float] = []
    confusion: Counter = Counter()
    per_task: dict = defaultdict(lambda: Counter())
    details: dict = defaultdict(lambda: Counter())
    misses: list[dict] = []
    cpu: list[float] = []
    for row in rows:
        start, start_cpu = time.perf_counter(), time.thread_time()
        if detailed is None and hasattr(planner, "plan_with_confidence"):
            (plan, sure), info = planner.plan_with_confidence(row["text"]), None
            split[(sure, _right(row, plan_action(plan)))] += 1
        elif detailed is None:
            plan, info = planner.plan(row["text"]), None
        else:
            info = detailed(row["text"])
            plan = info.plan
        latencies.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        got = plan_action(plan)
        ok = _right(row, got)
        if info is not None:
            record = _record(row, plan, got, info, latencies[-1])
            sources[record["source"]] += 1
            if record["source"] != "rules":          # auto's confident rows are the rules' own: not kept
                records.append(record)
        confusion[(row["action"], got)] += 1
        per_task[(row["task"], row["phrasing"])]["n"] += 1
        per_task[(row["task"], row["phrasing"])]["ok"] += ok
        gold = gold_details(row)
        if gold and row["phrasing"] == "ori_exp" or (gold and row["phrasing"] == "div_exp"):
            for key, good in check_details(plan, gold).items():
                if key in ("color", "new") and row["phrasing"] == "div_exp" and row["gold_task"] != "Replacement":
                    continue
                details[(key, row["phrasing"])]["n"] += 1
                details[(key, row["phrasing"])]["ok"] += good and ok
        if not ok and len(misses) < 10_000:
            misses.append({"task": row["task"], "phrasing": row["phrasing"], "text": row["text"],
                           "expected": row["action"], "got": got, "reply": plan.reply})
    result = _report(planner_name, rows, (latencies, cpu), confusion, per_task, details, misses, errors,
                     sampled=len(rows) < len(all_rows))
    if split:
        result["rules_split"] = {"sure_right": split[(True, True)], "sure_wrong": split[(True, False)],
                                 "unsure_right": split[(False, True)], "unsure_wrong": split[(False, False)]}
        unsure = split[(False, True)] + split[(False, False)]
        print(f"rules sure on {len(rows) - unsure} rows ({split[(True, False)]} of them wrong); unsure on {unsure} "
              f"({split[(False, False)]} wrong) — the rows auto hands to an LLM")
    if sources:
        result["sources"] = dict(sources)
        print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
        answered = [r for r in records if r["source"] in ("ok", "repaired", "llm")]
        if answered:
            invented = sum(1 for r in answered if r["expected"] == "refuse" and r["got"] != "refuse")
            print(f"LLM plans used: {len(answered)}; of them an edit where the gold is a refusal: {invented}")
        asked = sorted(r["latency_ms"] for r in records if r["answers"])
        if asked:
            result["llm_latency_ms"] = {"n": len(asked), "p50": statistics.median(asked),
                                        "p95": asked[int(0.95 * (len(asked) - 1))], "max": asked[-1]}
            timing = result["llm_latency_ms"]
            print(f"latency where the model was asked ({len(asked)} rows): p50 {timing['p50'] / 1000:.1f} s, "
                  f"p95 {timing['p95'] / 1000:.1f} s, max {timing['max'] / 1000:.1f} s")
    if (len(rows) < len(all_rows) or data != "i2ebench") and planner_name != "rules":
        rules = load_planner("rules")
        same = [_right(row, plan_action(rules.plan(row["text"]))) for row in rows]
        result["rules_on_same_rows"] = sum(same) / len(same) if same else None
        if same:
            mine = sum(v for (a, g), v in confusion.items() if a == g) / len(rows) if rows else None
            print(f"rules on the same {len(same)} rows: action accuracy {result['rules_on_same_rows']:.3f}"
                  + (f"; {planner_name}: {mine:.3f}" if mine is not None else ""))
    result["records"] = records
    return result


def _record(row: dict, plan, got: str, info, latency_ms: float) -> dict:
    """One row's outcome for an LLM backend: what the model said, what was used, how long it took."""
    llm = getattr(info, "llm", None) if hasattr(info, "source") else info
    return {"task": row["task"], "phrasing": row["phrasing"], "text": row["text"], "expected": row["action"],
            "got": got, "ok": _right(row, got), "source": getattr(info, "source", None) or info.status,
            "status": getattr(llm, "status", None), "answers": getattr(llm, "answers", []),
            "error": getattr(llm, "error", ""), "latency_ms": round(latency_ms, 1), "reply": plan.reply,
            "calls": [c.model_dump(mode="json", exclude_defaults=True) | {"tool": c.tool} for c in plan.calls]}


def _report(name, rows, latencies, confusion, per_task, details, misses, errors, sampled=False) -> dict:
    result: dict = {"planner": name, "rows": len(rows)}
    actions = sorted({a for a, _ in confusion} | {g for _, g in confusion}, key=lambda a: (a not in ACTIONS, a))
    prf = {}
    for action in actions:
        tp = confusion[(action, action)]
        predicted = sum(v for (a, g), v in confusion.items() if g == action)
        actual = sum(v for (a, g), v in confusion.items() if a == action)
        prf[action] = {"precision": tp / predicted if predicted else None, "recall": tp / actual if actual else None,
                       "support": actual}
    result["per_action"] = prf
    accuracy = {}
    for phrasing in PHRASINGS:
        n = sum(c["n"] for (t, p), c in per_task.items() if p == phrasing)
        ok = sum(c["ok"] for (t, p), c in per_task.items() if p == phrasing)
        accuracy[phrasing] = ok / n if n else None
    result["action_accuracy"] = accuracy
    result["per_task"] = {f"{t}/{p}": c["ok"] / c["n"] for (t, p), c in sorted(per_task.items())}
    result["details"] = {f"{k}/{p}": {"accuracy": c["ok"] / c["n"], "n": c["n"]}
                         for (k, p), c in sorted(details.items())}
    for key, values in zip(("latency_ms", "cpu_ms"), latencies):
        ordered = sorted(values) or [0.0]
        result[key] = {"p50": statistics.median(ordered), "p95": ordered[int(0.95 * (len(ordered) - 1))],
                       "max": ordered[-1], "mean": statistics.fmean(ordered)}
    result["misses"] = misses

    if sampled:
        print(f"planner: {name}   rows: {len(rows)} (a sample; stratified by task)\n")
    elif all(row["phrasing"] == "ori_exp" for row in rows):
        print(f"planner: {name}   rows: {len(rows)}\n")
    else:
        print(f"planner: {name}   rows: {len(rows)} ({len(rows) // 2} instructions × 2 phrasings)\n")
    print(f"{'action':<12}{'precision':>10}{'recall':>9}{'support':>9}")
    for action, v in prf.items():
        p = "-" if v["precision"] is None else f"{v['precision']:.3f}"
        r = "-" if v["recall"] is None else f"{v['recall']:.3f}"
        print(f"{action:<12}{p:>10}{r:>9}{v['support']:>9}")
    print(f"\n{'task':<22}{'ori_exp':>9}{'div_exp':>9}")
    for task in sorted({t for t, _ in per_task}):
        cells = [per_task.get((task, p)) for p in PHRASINGS]
        print(f"{task:<22}" + "".join(f"{c['ok'] / c['n']:>9.3f}" if c else f"{'-':>9}" for c in cells))
    print(f"{'ALL (action accuracy)':<22}" + "".join(f"{accuracy[p]:>9.3f}" if accuracy[p] is not None
                                                     else f"{'-':>9}" for p in PHRASINGS))
    print(f"\n{'detail':<22}{'ori_exp':>9}{'div_exp':>9}")
    for key in sorted({k for k, _ in details}):
        cells = [details.get((key, p)) for p in PHRASINGS]
        print(f"{key:<22}" + "".join(f"{c['ok'] / c['n']:>9.3f}" if c and c["n"] else f"{'-':>9}" for c in cells))
    lat, cpu = result["latency_ms"], result["cpu_ms"]
    print(f"\nlatency per request (wall): p50 {lat['p50']:.3f} ms, p95 {lat['p95']:.3f} ms, max {lat['max']:.3f} ms")
    print(f"latency per request (CPU):  p50 {cpu['p50']:.3f} ms, p95 {cpu['p95']:.3f} ms, max {cpu['max']:.3f} ms")
    for miss in misses[:errors]:
        print(f"  MISS {miss['task']}/{miss['phrasing']}: {miss['text']!r} expected {miss['expected']}, "
              f"got {miss['got']}")
    return result


# ---- the class sets (tests/data/planner_sets) --------------------------------------------------------


def load_class_rows(classes: tuple[str, ...] = CLASSES, splits: tuple[str, ...] = ("dev",)) -> list[dict]:
    rows = []
    for name in classes:
        data = json.loads((SETS / f"{name}.json").read_text(encoding="utf-8"))
        for split in splits:
            for index, item in enumerate(data[split]):
                rows.append({"class": name, "split": split, "id": f"{name}/{split}/{index}", "text": item["text"],
                             "actions": list(item["actions"]) or ["refuse"], "ask": bool(item.get("ask")),
                             "check": item.get("check", {})})
    return rows


def plan_actions(plan) -> list[str]:
    """Every action a plan takes, in order: the task of each inpaint, and each outpaint / adjust /
    enhance / crop / history / save; ["refuse"] for a plan with no calls."""
    found = []
    for call in plan.calls:
        if call.tool == "inpaint":
            found.append(call.args.task)
        elif call.tool in ("outpaint", "adjust", "enhance", "crop", "history", "save"):
            found.append(call.tool)
    return found or (["refuse"] if not plan.calls else ["select"])


def _asks(plan) -> bool:
    return "?" in plan.reply


def check_row(plan, check: dict) -> dict[str, bool]:
    """Each detail a row's `check` names: right (True) or not."""
    out: dict[str, bool] = {}
    calls = list(plan.calls)
    for key, want in check.items():
        if key == "reply_has":
            out[key] = all(str(w).lower() in plan.reply.lower() for w in want)
        elif key == "sides":
            outs = [c.args for c in calls if c.tool == "outpaint"]
            named = set()
            for args in outs:
                named |= set(getattr(args, "sides", None) or []) | {s for s in ("left", "right", "top", "bottom")
                                                                   if getattr(args, s)}
            out[key] = bool(outs) and named == set(want)
        elif key == "size":
            out[key] = any(c.tool == "outpaint" and c.args.size and list(c.args.size) == list(want) for c in calls)
        elif key == "keep":
            crop_at = next((i for i, c in enumerate(calls) if c.tool == "crop" and getattr(c.args, "keep_selection",
                                                                                           False)), None)
            out[key] = crop_at is not None and any(
                c.tool == "select" and _same(c.args.target, want) for c in calls[:crop_at])
        else:
            values = [getattr(c.args, key) for c in calls if getattr(c.args, key, None) is not None]
            out[key] = any(v == want or (isinstance(v, (int, float)) and abs(v - want) < 1e-6) for v in values)
    return out


def score_class_rows(rows: list[dict], plans: list, confident: list[bool | None]) -> dict:
    """Per class and split: exact (the same actions in order), action precision/recall/F1 (counted
    over the multiset of actions), ask and detail accuracy, and the routing: how many rows the rules
    are unsure about (the ones auto hands to an LLM), and how many they are sure about and wrong."""
    table: dict = {}
    per_action: dict = defaultdict(Counter)
    for row, plan, sure in zip(rows, plans, confident):
        got, want = plan_actions(plan), row["actions"]
        cell = table.setdefault((row["class"], row["split"]), Counter())
        gc, wc = Counter(got), Counter(want)
        tp = sum((gc & wc).values())
        cell["n"] += 1
        cell["tp"] += tp
        cell["pred"] += sum(gc.values())
        cell["gold"] += sum(wc.values())
        exact = got == want
        ok = exact and (not row["ask"] or _asks(plan))
        details = check_row(plan, row["check"]) if row["check"] else {}
        ok = ok and all(details.values())
        cell["ok"] += ok
        cell["exact"] += exact
        if row["ask"]:
            cell["ask_n"] += 1
            cell["ask_ok"] += _asks(plan)
        if details:
            cell["check_n"] += 1
            cell["check_ok"] += all(details.values())
        if sure is not None:
            cell["unsure"] += not sure
            cell["sure_wrong"] += bool(sure) and not ok
            cell["unsure_right"] += (not sure) and ok
        for action in set(gc) | set(wc):
            per_action[(row["split"], action)]["tp"] += min(gc[action], wc[action])
            per_action[(row["split"], action)]["pred"] += gc[action]
            per_action[(row["split"], action)]["gold"] += wc[action]
        row["got"], row["ok"], row["reply"], row["details"], row["sure"] = got, ok, plan.reply, details, sure
    return {"table": table, "per_action": per_action}


def _prf(tp: int, pred: int, gold: int) -> tuple[float | None, float | None, float | None]:
    p = tp / pred if pred else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def evaluate_classes(planner_name: str = "rules", *, options: dict | None = None, classes: tuple[str, ...] = CLASSES,
                     splits: tuple[str, ...] = ("dev",), errors: int = 0) -> dict:
    """Run the class sets through a planner and print the per-class and per-action tables."""
    planner = load_planner(planner_name, options)
    rows = load_class_rows(classes, splits)
    rules = planner if planner_name == "rules" else load_planner("rules")
    plans, confident, sources, latencies = [], [], Counter(), []
    detailed = getattr(planner, "plan_detailed", None)
    for row in rows:
        start = time.perf_counter()
        if detailed is not None:
            info = detailed(row["text"])
            plan = info.plan
            sources[getattr(info, "source", None) or info.status] += 1
            row["source"] = getattr(info, "source", None) or info.status
        else:
            plan = planner.plan(row["text"])
        latencies.append((time.perf_counter() - start) * 1000)
        plans.append(plan)
        confident.append(rules.plan_with_confidence(row["text"])[1])
    scored = score_class_rows(rows, plans, confident)
    table, per_action = scored["table"], scored["per_action"]
    result: dict = {"planner": planner_name, "splits": list(splits), "classes": {}, "per_action": {}}
    print(f"planner: {planner_name}   class sets: {', '.join(classes)}   splits: {', '.join(splits)}\n")
    print(f"{'class/split':<20}{'n':>4}{'correct':>8}{'P':>7}{'R':>7}{'F1':>7}{'ask':>7}{'detail':>8}"
          f"{'unsure':>8}{'sure&wrong':>11}")
    totals: dict = defaultdict(Counter)
    for (name, split), cell in sorted(table.items(), key=lambda kv: (CLASSES.index(kv[0][0]), kv[0][1])):
        p, r, f = _prf(cell["tp"], cell["pred"], cell["gold"])
        totals[split].update(cell)
        ask = cell["ask_ok"] / cell["ask_n"] if cell["ask_n"] else None
        detail = cell["check_ok"] / cell["check_n"] if cell["check_n"] else None
        result["classes"][f"{name}/{split}"] = {
            "n": cell["n"], "correct": cell["ok"] / cell["n"], "exact_actions": cell["exact"] / cell["n"],
            "precision": p, "recall": r, "f1": f, "ask": ask, "detail": detail,
            "unsure": cell["unsure"], "sure_and_wrong": cell["sure_wrong"], "unsure_and_right": cell["unsure_right"]}
        print(f"{name + '/' + split:<20}{cell['n']:>4}{cell['ok'] / cell['n']:>8.3f}{_f(p):>7}{_f(r):>7}{_f(f):>7}"
              f"{_f(ask):>7}{_f(detail):>8}{cell['unsure']:>8}{cell['sure_wrong']:>11}")
    for split, cell in sorted(totals.items()):
        p, r, f = _prf(cell["tp"], cell["pred"], cell["gold"])
        result["classes"][f"ALL/{split}"] = {"n": cell["n"], "correct": cell["ok"] / cell["n"], "precision": p,
                                             "recall": r, "f1": f, "unsure": cell["unsure"],
                                             "sure_and_wrong": cell["sure_wrong"]}
        print(f"{'ALL/' + split:<20}{cell['n']:>4}{cell['ok'] / cell['n']:>8.3f}{_f(p):>7}{_f(r):>7}{_f(f):>7}"
              f"{'':>7}{'':>8}{cell['unsure']:>8}{cell['sure_wrong']:>11}")
    print("\n(correct: the right actions in order, the question where one is due, every detail right; P/R/F1 over "
          "the actions; unsure: rows auto would hand to an LLM; sure&wrong: rows auto would not)")
    print(f"\n{'action':<12}" + "".join(f"{s + ' P':>9}{s + ' R':>9}{s + ' n':>7}" for s in splits))
    for action in ACTIONS:
        cells = [per_action.get((split, action)) for split in splits]
        if not any(cells):
            continue
        line = f"{action:<12}"
        for split, cell in zip(splits, cells):
            p, r, _ = _prf(cell["tp"], cell["pred"], cell["gold"]) if cell else (None, None, None)
            line += f"{_f(p):>9}{_f(r):>9}{(cell['gold'] if cell else 0):>7}"
            result["per_action"][f"{action}/{split}"] = {"precision": p, "recall": r,
                                                          "support": cell["gold"] if cell else 0}
        print(line)
    for split in splits:
        tp = sum(c["tp"] for (s, _), c in per_action.items() if s == split)
        pred = sum(c["pred"] for (s, _), c in per_action.items() if s == split)
        gold = sum(c["gold"] for (s, _), c in per_action.items() if s == split)
        p, r, f = _prf(tp, pred, gold)
        out = per_action.get((split, "outpaint"), Counter())
        result[f"overall/{split}"] = {"precision": p, "recall": r, "f1": f,
                                      "outpaint_recall": out["tp"] / out["gold"] if out["gold"] else None}
        print(f"overall {split}: action P {_f(p)}  R {_f(r)}  F1 {_f(f)}   outpaint recall "
              f"{_f(result[f'overall/{split}']['outpaint_recall'])}")
    if sources:
        result["sources"] = dict(sources)
        print("auto sources: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    ordered = sorted(latencies) or [0.0]
    result["latency_ms"] = {"p50": statistics.median(ordered), "p95": ordered[int(0.95 * (len(ordered) - 1))]}
    result["rows"] = [{k: row.get(k) for k in ("id", "text", "actions", "got", "ok", "ask", "sure", "source", "reply")}
                      for row in rows]
    shown = 0
    for row in rows:
        if not row["ok"] and shown < errors:
            shown += 1
            print(f"  MISS {row['id']}: {row['text']!r} want {row['actions']}{' + ask' if row['ask'] else ''}, got "
                  f"{row['got']} {row['details'] or ''} sure={row['sure']} :: {row['reply'][:140]}")
    return result


def _main_real(args: argparse.Namespace, options: dict) -> int:
    """--set real / gier-agreement: the labelled real requests (per split) and the editor agreement."""
    from benchmarks import real_set
    from retouch.tools.errors import RetouchError

    if not args.corpus:
        print(f"error: --set {args.set} needs --corpus PATH, the real-request corpus: "
              f"{real_set.BUILD_HINT}", file=sys.stderr)
        return 2
    if args.errors and args.split == "test":
        print("error: --errors lists misses on the dev split only: the test split is held out, and reading its "
              "misses would be tuning on it (use --split dev or both)", file=sys.stderr)
        return 2
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    planner = load_planner(args.planner, options)
    rules = planner if args.planner == "rules" else load_planner("rules")
    result: dict = {"planner": args.planner, "set": args.set}
    try:
        if args.set == "real":
            result["real"] = real_set.run_real(planner, rules, args.corpus, splits, errors=args.errors)
        if args.set == "gier-agreement" or args.planner == "rules":
            result["gier_agreement"] = real_set.run_agreement(planner, rules, args.corpus)
        else:
            print("\n(the editor agreement runs every GIER request through the planner: "
                  "--set gier-agreement for this backend)")
    except RetouchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    name = f"planner_real_{args.planner}_{args.split}.json" if args.set == "real" else \
        f"planner_gier_agreement_{args.planner}.json"
    path = Path(args.json or DEFAULT_JSON.with_name(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, default=str))
    print(f"\nwrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--planner", default="rules", choices=sorted(PLANNERS))
    parser.add_argument("--json", default=None, help="where to write the results")
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified instructions")
    parser.add_argument("--url", help="llm/auto: an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--model", help="llm/auto: the model name the server expects")
    parser.add_argument("--api-key", help="llm/auto: sent as a Bearer token")
    parser.add_argument("--gguf", help="llm/auto: a GGUF file run in process (llama-cpp-python)")
    parser.add_argument("--timeout", type=float, help="llm/auto: seconds to wait for the server")
    parser.add_argument("--sample", type=int, help="run N rows, stratified by task (seeded)")
    parser.add_argument("--limit", type=int, help="run only the first N rows (after --sample)")
    parser.add_argument("--seed", type=int, default=0, help="seed for --sample")
    parser.add_argument("--set", default="i2ebench",
                        choices=("i2ebench", "unseen", "classes", *CLASSES, "real", "gier-agreement"),
                        help="the requests: I2EBench, UNSEEN (everyday phrasings written after the rules), "
                             "the class sets (all, or one class) of tests/data/planner_sets, the hand-labelled "
                             "real requests of tests/data/real_labels (real), or every GIER request against "
                             "what its editor did (gier-agreement)")
    parser.add_argument("--split", default="dev", choices=("dev", "test", "both"),
                        help="class sets and real: the dev split (for tuning), the held-out test split, or both")
    parser.add_argument("--corpus", help="real / gier-agreement: the corpus built by "
                                         "../shared/tools/real_requests.py (e.g. /work/corpus/real.jsonl)")
    parser.add_argument("--only-unsure", action="store_true", help="only rows where the rules are not confident")
    args = parser.parse_args(argv)
    options = {key: value for key, value in (("url", args.url), ("model", args.model), ("api_key", args.api_key),
                                             ("gguf", args.gguf), ("timeout", args.timeout)) if value is not None}
    if args.set in ("real", "gier-agreement"):
        return _main_real(args, options)
    if args.set in ("classes", *CLASSES):
        classes = CLASSES if args.set == "classes" else (args.set,)
        splits = ("dev", "test") if args.split == "both" else (args.split,)
        result = evaluate_classes(args.planner, options=options, classes=classes, splits=splits, errors=args.errors)
        path = Path(args.json or DEFAULT_JSON.with_name(f"planner_classes_{args.planner}_{args.set}_{args.split}.json"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=2, default=str))
        print(f"\nwrote {path}")
        return 0
    result = evaluate(args.planner, args.errors, options=options, sample=args.sample, limit=args.limit,
                      seed=args.seed, only_unsure=args.only_unsure, data=args.set)
    default = DEFAULT_JSON if args.planner == "rules" and not (args.sample or args.limit or args.only_unsure) \
        and args.set == "i2ebench" else DEFAULT_JSON.with_name(
            f"planner_eval_{args.planner}{'_' + args.set if args.set != 'i2ebench' else ''}"
            f"{'_unsure' if args.only_unsure else ''}.json")
    path = Path(args.json or default)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, default=str))
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
