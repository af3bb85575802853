"""How well a planner maps free-form instructions to the right edit, measured on I2EBench.

    .venv/bin/python benchmarks/planner_eval.py [--planner rules] [--json PATH] [--errors N]
    .venv/bin/python benchmarks/planner_eval.py --planner llm --url http://127.0.0.1:8080/v1 --sample 160
    .venv/bin/python benchmarks/planner_eval.py --planner auto --gguf model.gguf --sample 160
    .venv/bin/python benchmarks/planner_eval.py --planner llm --gguf model.gguf --only-unsure

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
| Deblurring, HazeRemoval, Lowlight | adjust | sharpness / contrast+saturation / brightness help honestly |
| NoiseRemoval, RainRemoval, SnowRemoval | refuse (empty plan with an honest reply) | no tool removes noise, rain streaks or falling snow; a sharpen or blur would be a silent guess |

A plan's action is read from the plan itself, so any backend can be measured: no calls → refuse;
else the task of the first `inpaint`; else the first of outpaint / adjust / crop / history / save.
Where the instruction names a thing in a fixed pattern (ori_exp "Remove the red slippers from the
image", "Change the color of the bear to brown", "replace dog with cat", "Add a cat to the left of
the dog") the gold target, colour, new object and relation are derived and checked too.

Prints per-action precision/recall, accuracy per task and phrasing, target/relation accuracy and
planning latency (p50/p95); writes JSON (default benchmarks/results/planner_eval.json, or
planner_eval_NAME.json for other planners).

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
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "planner_eval.json"
PLANNERS = {"rules": "retouch.agent.planner.rules:RulesPlanner", "llm": "registry", "auto": "registry"}
PHRASINGS = ("ori_exp", "div_exp")
TASK_ACTION = {
    "ObjectRemoval": "remove", "WatermarkRemoval": "remove", "ShadowRemoval": "remove",
    "ColorAlteration": "recolor", "BGReplacement": "background", "Replacement": "replace",
    "DirectionPerception": "add", "Counting": "add", "StyleAlteration": "refuse",
    "Deblurring": "adjust", "HazeRemoval": "adjust", "Lowlight": "adjust",
    "NoiseRemoval": "refuse", "RainRemoval": "refuse", "SnowRemoval": "refuse",
}
ACTIONS = ("remove", "replace", "recolor", "add", "fix", "background", "adjust", "outpaint", "crop", "history",
           "save", "refuse")
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
    ("the photo needs more punch", "adjust"), ("it's way too dark", "adjust"),
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


def plan_action(plan) -> str:
    """The action a plan takes, read from its calls only (works for any planner)."""
    if not plan.calls:
        return "refuse"
    for call in plan.calls:
        if call.tool == "inpaint":
            return call.args.task
    for call in plan.calls:
        if call.tool in ("outpaint", "adjust", "crop", "history", "save"):
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
    records: list[dict] = []
    latencies: list[float] = []
    confusion: Counter = Counter()
    per_task: dict = defaultdict(lambda: Counter())
    details: dict = defaultdict(lambda: Counter())
    misses: list[dict] = []
    cpu: list[float] = []
    for row in rows:
        start, start_cpu = time.perf_counter(), time.thread_time()
        if detailed is None:
            plan, info = planner.plan(row["text"]), None
        else:
            info = detailed(row["text"])
            plan = info.plan
        latencies.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        got = plan_action(plan)
        ok = got == row["action"]
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
        same = [plan_action(rules.plan(row["text"])) == row["action"] for row in rows]
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
            "got": got, "ok": got == row["action"], "source": getattr(info, "source", None) or info.status,
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
    result["details"] = {f"{k}/{p}": {"accuracy": c["ok"] / c["n"], "n": c["n"]} for (k, p), c in sorted(details.items())}
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
    parser.add_argument("--set", default="i2ebench", choices=("i2ebench", "unseen"),
                        help="the requests: I2EBench, or UNSEEN (everyday phrasings written after the rules)")
    parser.add_argument("--only-unsure", action="store_true", help="only rows where the rules are not confident")
    args = parser.parse_args(argv)
    options = {key: value for key, value in (("url", args.url), ("model", args.model), ("api_key", args.api_key),
                                             ("gguf", args.gguf), ("timeout", args.timeout)) if value is not None}
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
