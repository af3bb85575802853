"""The arithmetic of `benchmarks/planner_eval.py --set real` (benchmarks/real_set.py), on invented
rows and hand-built plans — no corpus text appears here — and the shape of the committed labels.

The sentences below are written for this test; the label file holds ids and labels only.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import planner_eval, real_set
from benchmarks.real_corpus import CANVAS_SUPPLEMENT, STRATA, editor_class, load_corpus
from benchmarks import real_labels_draw
from benchmarks.real_labels_draw import copied_words
from retouch.agent.plan import Plan
from retouch.tools.errors import RetouchError


def make_plan(*calls: dict, reply: str = "Done.") -> Plan:
    return Plan.model_validate({"calls": list(calls), "reply": reply})


SELECT_GUY = {"tool": "select", "args": {"target": "guy", "position": "left"}}
REMOVE = {"tool": "inpaint", "args": {"task": "remove"}}
ADJUST = {"tool": "adjust", "args": {"brightness": 0.2}}
ENHANCE_LIKE = {"tool": "adjust", "args": {"contrast": 0.1}}


def label(actions: list[str], alt: list[list[str]] | None = None, **extra) -> dict:
    row = {"id": "x", "split": "dev", "stratum": "ier", "actions": actions, "target": None, "position": None,
           "sides": None, "ask": False, "note": "invented"}
    if alt is not None:
        row["alt_actions"] = alt
    return row | extra


def test_f1_strict_and_with_alt_actions() -> None:
    # row 1: gold remove+adjust, the plan only removes → tp 1, predicted 1, gold 2.
    # row 2: gold crop, alternative adjust; the plan adjusts → strict 0/1/1, with the alternative 1/1/1.
    score = real_set.SplitScore()
    real_set.score_row(score, label(["remove", "adjust"]), make_plan(SELECT_GUY, REMOVE), True, {})
    real_set.score_row(score, label(["crop"], alt=[["adjust"]]), make_plan(ADJUST), False, {})
    fig = score.figures()
    assert (score.strict["tp"], score.strict["pred"], score.strict["gold"]) == (1, 2, 3)
    assert fig["precision"] == pytest.approx(0.5) and fig["recall"] == pytest.approx(1 / 3)
    assert fig["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert (score.alt["tp"], score.alt["pred"], score.alt["gold"]) == (2, 2, 3)
    assert fig["f1_alt"] == pytest.approx(2 * 1.0 * (2 / 3) / (1 + 2 / 3))
    assert fig["exact"] == 0.0 and fig["exact_alt"] == pytest.approx(0.5)
    assert fig["unsure"] == 1


def test_a_question_is_the_none_action_and_repeats_count_once() -> None:
    score = real_set.SplitScore()
    real_set.score_row(score, label([], ask=True), make_plan(reply="Which one do you mean?"), True, {})
    two_inpaints = make_plan(SELECT_GUY, REMOVE, {"tool": "select", "args": {"target": "sign"}}, REMOVE)
    real_set.score_row(score, label(["remove"]), two_inpaints, True, {})
    fig = score.figures()
    assert (score.strict["tp"], score.strict["pred"], score.strict["gold"]) == (2, 2, 2)
    assert fig["exact"] == 1.0
    assert fig["no_calls"] == 0.5 and fig["asks"] == 0.5 and fig["ask_recall"] == 1.0
    assert score.per_action["none"] == Counter(tp=1, pred=1, gold=1)
    # a refusal where an edit was due: the none action is a false positive, the edit is missed
    miss = real_set.SplitScore()
    real_set.score_row(miss, label(["adjust"]), make_plan(reply="I can't do that."), True, {})
    assert (miss.strict["tp"], miss.strict["pred"], miss.strict["gold"]) == (0, 1, 1)


def test_best_gold_prefers_the_primary_on_a_tie() -> None:
    row = label(["adjust"], alt=[["enhance"], ["adjust", "enhance"]])
    assert real_set.best_gold(["adjust"], row) == ["adjust"]
    assert real_set.best_gold(["enhance"], row) == ["enhance"]
    assert real_set.best_gold(["adjust", "enhance"], row) == ["adjust", "enhance"]
    assert real_set.best_gold(["crop"], row) == ["adjust"]


def test_head_matching_reads_humans_synonyms_groups_and_the_background() -> None:
    synonyms = {"guy": "man"}
    assert real_set.heads_match(make_plan(SELECT_GUY, REMOVE), "person", synonyms) is True
    kitten = make_plan({"tool": "select", "args": {"target": "kitten"}}, ADJUST)
    assert real_set.heads_match(kitten, "cat", {}) is True
    assert real_set.heads_match(kitten, "dog", {}) is False
    blur_behind = make_plan({"tool": "select", "args": {"target": "person", "exclude": True}},
                            {"tool": "inpaint", "args": {"task": "background", "background": "blur"}})
    assert real_set.heads_match(blur_behind, "background", {}) is True
    assert real_set.heads_match(make_plan(SELECT_GUY, REMOVE), "background", {}) is False
    one_of_two = make_plan({"tool": "select", "args": {"target": "parked cars"}}, REMOVE)
    assert real_set.heads_match(one_of_two, ["car", "sign"], {}) is False
    assert real_set.heads_match(one_of_two, ["car"], {}) is True
    assert real_set.heads_match(one_of_two, None, {}) is None
    relative = make_plan({"tool": "select", "args": {"target": "sister-in-law"}}, REMOVE)
    assert real_set.heads_match(relative, "person", {}) is True    # a hyphened human word is a person
    assert real_set.heads_match(make_plan({"tool": "select", "args": {"target": "t-shirt"}}, REMOVE), "person", {}) is False
    irises = make_plan({"tool": "select", "args": {"target": "iris", "all": True}}, ADJUST)
    assert real_set.heads_match(irises, "eye") is True     # read through the planner's COLOURED_BY
    assert real_set.heads_match(irises, "eye", {}) is False
    assert real_set.heads_match(make_plan({"tool": "select", "args": {"target": "eye"}}, ADJUST), "iris") is False
    # the head is the target's words before a preposition; the free phrase is not read
    described = make_plan({"tool": "select", "args": {"target": "man in the red shirt"}}, REMOVE)
    assert real_set.heads_match(described, "person", {}) is True
    assert real_set.heads_match(described, "shirt", {}) is False
    misread = make_plan({"tool": "select", "args": {"target": "out", "phrase": "girl out of the shed"}}, REMOVE)
    assert real_set.heads_match(misread, "person", {}) is False
    # a role word the planner sends to a people-only finder is a person ('cyclist' is in rules_vocab.PERSON_WORDS)
    cyclist = make_plan({"tool": "select", "args": {"target": "cyclist"}}, REMOVE)
    assert real_set.heads_match(cyclist, "person", {}) is True
    assert real_set.heads_match(cyclist, "bicycle", {}) is False


def test_head_and_position_are_scored_only_where_the_gold_has_them() -> None:
    score = real_set.SplitScore()
    real_set.score_row(score, label(["remove"], target="person", position="left"), make_plan(SELECT_GUY, REMOVE),
                       True, {"guy": "man"})
    real_set.score_row(score, label(["remove"], target="person", position="right"), make_plan(SELECT_GUY, REMOVE),
                       True, {"guy": "man"})
    real_set.score_row(score, label([], target="text"), make_plan(reply="I can't write text."), True, {})
    assert score.head == Counter(n=2, ok=2)
    assert score.position == Counter(n=2, ok=1)
    strip = make_plan({"tool": "region", "args": {"side": "top", "fraction": 0.2}}, REMOVE)
    assert real_set.position_match(strip, "top") is True


def test_outpaint_recall_and_sides() -> None:
    score = real_set.SplitScore()
    grow_both = make_plan({"tool": "outpaint", "args": {"sides": ["left", "right"]}})
    real_set.score_row(score, label(["outpaint"], sides=["left", "right"]), grow_both, True, {})
    grow_one = make_plan({"tool": "outpaint", "args": {"left": 200}})
    real_set.score_row(score, label(["outpaint"], sides=["left", "right"]), grow_one, True, {})
    real_set.score_row(score, label(["outpaint"]), make_plan({"tool": "crop", "args": {"aspect": "16:9"}}), True, {})
    fig = score.figures()
    assert fig["outpaint_recall"] == pytest.approx(2 / 3) and fig["outpaint_n"] == 3
    assert fig["sides"] == pytest.approx(0.5) and fig["sides_n"] == 2


def test_agreement_with_the_editor_counts_per_class() -> None:
    rows = [{"editor_did": ["brightness", "contrast"]}, {"editor_did": ["saturation"]},
            {"editor_did": ["inpaint_obj", "brightness"]}, {"editor_did": ["crop", "brightness"]}]
    plans = [make_plan(ADJUST), make_plan(reply="What should I change?"), make_plan(SELECT_GUY, REMOVE),
             make_plan(ENHANCE_LIKE)]
    table = real_set.agreement_counts(rows, plans, [True, False, True, True])
    assert table["tone"] == Counter(n=2, agree=1, no_calls=1, unsure=1)
    assert table["inpaint_obj"] == Counter(n=1, agree=1)
    assert table["geometry"] == Counter(n=1)
    assert table["all"]["n"] == 4 and table["all"]["no_calls"] == 1
    refusal = make_plan(reply="I can't colourise a black-and-white photo; I can adjust its brightness.")
    table = real_set.agreement_counts([{"editor_did": ["brightness"]}] * 2, [refusal, make_plan(reply="Which one?")],
                                      [True, True])
    assert table["tone"]["no_calls"] == 2 and table["tone"]["refused"] == 1      # one refusal, one question
    assert [editor_class(d) for d in (["tint"], ["color_bg", "brightness"], ["gaussain_blur"], ["deform_obj"], [])] \
        == ["tone", "color_bg", "blur", "other", "other"]


def test_labels_are_rejected_when_malformed(tmp_path: Path) -> None:
    good = label(["remove"], target="person")
    for broken, why in ((good | {"actions": ["delete"]}, "actions"), (good | {"split": "train"}, "split"),
                        (good | {"position": "upstairs"}, "position"), (good | {"sides": ["up"]}, "sides"),
                        (good | {"ask": "yes"}, "ask"), (good | {"target": 5}, "target"),
                        (good | {"batch": "dev99"}, "batch"), (good | {"split": "test", "batch": "dev2"}, "batch")):
        path = tmp_path / "labels.jsonl"
        path.write_text(json.dumps(broken) + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=why):
            real_set.load_labels(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        real_set.load_labels(path)


RAN_OUT_IN = {"dev9": {"gier:other"}, "dev10": {"gier:blur"}}
"""The strata whose texts ran out in a batch (checked on the corpus when each was drawn: after dev9 no gier:other text
is left that an earlier row does not hold, so dev10 has none; after dev10, no gier:blur text, so dev11 has neither):
that batch gets what was left, under its floor, and later batches none."""


def test_the_committed_labels_are_a_stratified_split_sample() -> None:
    rows = real_set.load_labels()
    sample = [row for row in rows if row["stratum"] != CANVAS_SUPPLEMENT and not row.get("batch")]
    assert len(sample) >= 600
    per = Counter((row["stratum"], row["split"]) for row in sample)
    for name in STRATA:
        assert per[(name, "dev")] + per[(name, "test")] >= 30, name
        assert abs(per[(name, "dev")] - per[(name, "test")]) <= 1, name
    drawn_out: set[str] = set()                                 # strata whose texts ran out in an earlier batch
    for batch, _, floor in real_labels_draw.later_batches():     # dev2 … dev11
        rows_of_batch = [row for row in rows if row.get("batch") == batch]
        assert {row["split"] for row in rows_of_batch} == {"dev"}, f"{batch} is all dev: the test split never grows"
        per_batch = Counter(row["stratum"] for row in rows_of_batch)
        assert not any(per_batch[name] for name in drawn_out), (batch, "a stratum drawn out has nothing more to give")
        short = {name for name in STRATA if per_batch[name] < floor}
        assert short <= RAN_OUT_IN.get(batch, set()) | drawn_out, (batch, per_batch)
        drawn_out |= short
    assert all(len(row["note"].split()) <= 20 for row in rows), "a note is a few words of the labeller's own"
    assert "text" not in {key for row in rows for key in row}, "the texts have no licence: ids and labels only"


def test_a_note_that_copies_the_text_is_caught() -> None:
    assert copied_words("asks to remove the red bucket please", "Could you remove the red bucket?") == \
        "remove the red bucket"
    assert copied_words("removal of a container", "Could you remove the red bucket?") is None


def test_the_corpus_errors_say_how_to_build_it(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(RetouchError, match="real_requests.py"):
        load_corpus(tmp_path / "missing.jsonl")
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text('{"source": "ier", "id": "1", "text": "hi"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(RetouchError, match="line 2"):
        load_corpus(garbage)
    with pytest.raises(RetouchError, match="real_requests.py"):
        load_corpus(tmp_path)                                   # a folder is no corpus
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage\n")
    with pytest.raises(RetouchError, match="can't read"):
        load_corpus(binary)
    assert real_set.word_of("fix it\x1b[2J\x07 now") == "fix it [2J  now"
    invented = tmp_path / "invented.jsonl"
    invented.write_text(json.dumps({"source": "ier-train", "id": "nope#0", "text": "brighten it"}) + "\n",
                        encoding="utf-8")
    with pytest.raises(RetouchError, match="not in the corpus"):
        real_set.join_texts(real_set.load_labels(), invented)


def test_the_cli_refuses_without_a_corpus_and_never_lists_test_misses(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture) -> None:
    assert planner_eval.main(["--set", "real"]) == 2
    assert "real_requests.py" in capsys.readouterr().err
    assert planner_eval.main(["--set", "real", "--corpus", str(tmp_path / "none.jsonl")]) == 2
    assert "real_requests.py" in capsys.readouterr().err
    assert planner_eval.main(["--set", "real", "--corpus", "x", "--split", "test", "--errors", "5"]) == 2
    assert "held out" in capsys.readouterr().err


def _invented_corpus() -> list[dict]:
    """A corpus of invented rows: GIER titles of every editor class (some repeated, as GIER repeats a
    title once per editor) and IER pairs of two sentences each — enough of every stratum that no batch of the draw
    runs out of new texts (with 600 pairs the ninth batch came up empty)."""
    did = {"tone": ["brightness"], "inpaint_obj": ["inpaint_obj"], "color_bg": ["color_bg"], "geometry": ["crop"],
           "blur": ["radial_blur"], "other": ["deform_obj"]}
    rows = []
    for cls, ops in did.items():
        for k in range(300):
            rows.append({"source": "gier-train", "id": f"gier-train-{cls}-{k}", "text": f"{cls} wish number {k % 250}",
                         "editor_did": ops})
    for k in range(1500):
        for j in range(2):
            rows.append({"source": "ier-train", "id": f"Pair_{k}#{j}", "text": f"ier sentence {k} variant {j}"})
    rows.append({"source": "ier-train", "id": "Pair_canvas#0", "text": "extend the canvas a little"})
    return rows


def test_each_later_batch_leaves_the_rows_drawn_before_it_as_they_were(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _invented_corpus()
    full = real_labels_draw.draw(corpus)
    with_batch = full
    for batch, _, _ in reversed(real_labels_draw.later_batches()):     # the last drawn first, then the one before
        monkeypatch.setattr(real_labels_draw, f"{batch.upper()}_SIZE", 0)
        monkeypatch.setattr(real_labels_draw, f"{batch.upper()}_FLOOR", 0)
        without = real_labels_draw.draw(corpus)
        assert with_batch[:len(without)] == without, f"the batch {batch} never moves an earlier row"
        drawn = with_batch[len(without):]
        assert drawn and all(row["batch"] == batch and row["split"] == "dev" for row in drawn)
        with_batch = without
    assert all("batch" not in row for row in with_batch), "with every batch emptied, only the first draw is left"
    with_batch = full                                           # every batch: no text twice
    texts = {row["id"]: row["text"].lower() for row in corpus}
    pair = (lambda ident: ident.split("#")[0])
    assert len({texts[row["id"]] for row in with_batch}) == len(with_batch), "no text is drawn twice"
    ier_pairs = [pair(row["id"]) for row in with_batch if row["id"].startswith("Pair_")]
    assert len(set(ier_pairs)) == len(ier_pairs), "at most one sentence of an IER pair"


def test_the_batch_quotas_are_shares_with_a_floor() -> None:
    counts = Counter({name: 10 for name in STRATA} | {"ier": 1000, "gier:tone": 500})
    got = real_labels_draw.quotas(counts, 240, 12)
    total = sum(counts.values())
    assert got["ier"] == round(240 * 1000 / total) and got["gier:tone"] == round(240 * 500 / total)
    assert got["gier:blur"] == 10, "a floor never asks for more rows than the stratum has"
    assert real_labels_draw.quotas(counts) == real_labels_draw.quotas(counts, real_labels_draw.BASE_SIZE,
                                                                      real_labels_draw.FLOOR)


@pytest.mark.parametrize("batch", sorted(real_set.BATCHES))
def test_a_later_batch_is_scored_on_its_own_line_too(batch: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    corpus = tmp_path / "corpus.jsonl"
    invented = [("a1", "brighten the photo a bit"), ("a2", "erase the lamp post on the right"),
                ("b1", "make the whole picture darker"), ("b2", "blur everything behind the dog")]
    corpus.write_text("".join(json.dumps({"source": "ier-train", "id": f"{i}#0", "text": t}) + "\n"
                              for i, t in invented), encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    rows = [label(["adjust"], id="a1#0"), label(["remove"], id="a2#0", target="lamp post", position="right"),
            label(["adjust"], id="b1#0", batch=batch), label(["crop"], id="b2#0", batch=batch)]
    labels.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    rules = planner_eval.load_planner("rules")
    result = real_set.run_real(rules, rules, corpus, ("dev",), labels_path=labels)
    assert result["splits"]["dev"]["n"] == 4 and result["batches"][batch]["n"] == 2
    # the batch line holds only its two rows: the darker one is right, the background blur is no crop
    assert result["batches"][batch]["exact"] == pytest.approx(0.5)
    assert result["splits"]["dev"]["exact"] == pytest.approx(0.75)
    assert f"  {batch}" in capsys.readouterr().out
