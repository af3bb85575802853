"""Keep-only requests: "remove everyone except the boy in front", "keep only the car, remove everything else".

Some people stay and the rest go. The people who go are every person the finder sees; the ones who stay are
taken out of that selection (`select(…, subtract)`, grown a little by the executor so no edge of them is
filled), and what is left is inpainted away — the scene is kept, not cut out. "Keep only the car, remove
everything else" keeps one thing and drops the whole rest: that is the cut-out (transparent background) the
background step already makes, and the reply says so.

When who stays is the photo's owner ("everyone but me", "just the two of us") no finder can know who that is,
so the plan is a question: which person is you, said by place or clothes. A pointed-at selection as who stays
("everyone except this one") is a question too: the contract has no way yet to subtract the current selection.

Two-clause forms ("just X, remove the others") are joined into the one-clause form by `join_keep_only`
before the clauses are read.
"""

from __future__ import annotations

import copy

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import has_command, split_list
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step, ask, background_step, inpaint, refine
from retouch.agent.planner.rules_target import Target, parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.plan import SelectArgs, SelectCall
from retouch.agent.planner.rules_vocab import CARDINALS

_ALL_BUT = rx(r"^(?:(?:[a-z']+\s+){0,5}?to\s+)?(?:(?P<select>{SELECT_VERBS})|{REMOVE_VERBS})\s+(?:(?:all|every)\s+(?:of\s+)?)?"
              r"(?P<who>{EVERYONE_WORDS}|{OTHER_PEOPLE})(?:\s+else)?"
              r"(?:\s+(?P<at>in|on|at|from)\s+(?:the|this|that|my|our)\s+(?P<place>(?:[a-z'-]+\s+){0,2}?[a-z'-]+))?"
              r"\s*,?\s+(?:{KEPT_EXCEPT_WORDS})"
              r"(?:\s+(?:(?:{KEEP_VERBS})\s+)?(?P<kept>.*?))?\s*[.!?]*$")
"""'remove everyone except the boy in front', 'I'd like you to get rid of the people in the pool apart from the man in
red' (a place said after who goes is every person: the finder can't limit it, and the reply says so)."""
_EVERYONE_ELSE_ALONE = rx(r"^(?:(?:[a-z']+\s+){0,5}?to\s+)?(?:{REMOVE_VERBS})\s+(?:everyone|everybody)\s+else\b")
"""'remove everyone else' with no one named to keep: a question, not a thing called 'else'."""
_PICTURE_PLACE = rx(r"^(?:{PICTURE_NOUNS})s?$")
_UNNAMED = rx(r"^(?:{UNNAMED_ONES})\b")
_PAIR = rx(r"^(?:{PEOPLE_PAIRS})$")
_NEXT_REQUEST = rx(r"\s*,\s*(?=(?:{IMPERATIVE_VERBS})(?![\w'-]))")
"""'remove everyone except the girl*, *crop it square': a second request the clause splitter left inside the name."""
_KEEP_ONLY = rx(r"^(?:{KEEP_ONLY_LEADS})\s+(?P<kept>.+?)(?:\s+please)?\s*[.!?]*$")
_REST_GOES = rx(r"^(?:(?:and|then)\s+)?(?:please\s+)?(?:{REMOVE_VERBS})\s+(?:(?P<things>{ALL_THE_REST})"
                r"|(?P<people>{OTHER_PEOPLE}))(?:\s+please)?\s*[.!?]*$")
"""'…, remove *the others*' (people go) or '…, remove *everything else*' (all but the kept thing goes)."""
_VERB_FIRST = rx(r"^(?:{IMPERATIVE_VERBS})(?![\w'-])")
_BARE_NAME_WORDS = 3
"""At most this many words, and no verb, after a keep-only's list was cut at 'and': more of the list."""
_OWN = rx(r"\b(?:{OWN_PEOPLE})\b")
_MANY_OWN = rx(r"\b(?:{OWN_GROUP}|and)\b")
"""The owner and someone else ('me and my wife', 'the two of us'): the question asks about people."""


def join_keep_only(clauses: list[Words]) -> list[Words]:
    """'keep only the car', 'remove everything else' → 'remove everything except the car'; 'just the two of us',
    'remove the others' → 'remove everyone except the two of us'. Other clauses pass unchanged."""
    joined: list[Words] = []
    index = 0
    while index < len(clauses):
        kept = _KEEP_ONLY.match(clauses[index].low)
        rest = _REST_GOES.match(clauses[index + 1].low) if kept and index + 1 < len(clauses) else None
        if kept and rest:
            who = "everything" if rest.group("things") else "everyone"
            said = clauses[index].slice(kept.start("kept"), kept.end("kept")).strip()
            joined.append(Words.of(f"remove {who} except ").join("", said))
            index += 2
            continue
        all_but = _ALL_BUT.match(clauses[index].low)
        after = _NEXT_REQUEST.search(clauses[index].low, all_but.start("kept")) if all_but and all_but.group("kept") \
            else None
        if after:                                  # one clause each: who stays, then the other request
            clause = clauses[index]
            clauses = [*clauses[:index], clause.slice(0, after.start()).strip(),
                       clause.slice(after.end(), len(clause.low)).strip(), *clauses[index + 1:]]
            continue
        named = index + 1 < len(clauses) and all_but and _a_bare_name(clauses[index + 1])
        if named:                                  # 'remove everyone except the bride', 'groom': one list
            joined.append(clauses[index].join(" and ", clauses[index + 1]))
            index += 2
            continue
        joined.append(clauses[index])
        index += 1
    return joined


def _a_bare_name(clause: Words) -> bool:
    """A short clause with no verb ('groom', 'the best man'): the rest of a list cut at its 'and'."""
    low = clause.low.strip(" ,.!?")
    return len(low.split()) <= _BARE_NAME_WORDS and not _VERB_FIRST.match(low) and not has_command(low) and \
        parse_target(clause) is not None


def parse_keep_only(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'remove everyone except X' → select(person, all) → select(X, subtract) … → refine_mask → inpaint(remove)
    ('select everyone except X': the selects only); a question when X is the owner or names nothing; [] for any
    other clause."""
    m = _ALL_BUT.match(clause.low)
    if m is None and _EVERYONE_ELSE_ALONE.match(clause.low):
        return [ask("Who should stay? Say who, e.g. \"remove everyone except the man on the left\".")]
    if m is None:
        return []
    if m.group("kept") is None or not m.group("kept").strip(" ,.!?"):
        return [ask("Whom should I keep? Say who stays, e.g. \"remove everyone except the man on the left\".")]
    kept = clause.slice(m.start("kept"), m.end("kept")).strip()
    aside = kept.low.find(",")
    if aside > 0 and _OWN.search(kept.low[aside:]) and not _OWN.search(kept.low[:aside]):
        kept = kept.slice(0, aside).strip()    # 'the one in the white coat (that's me)': described, then said who
    said = " ".join(kept.orig.split())
    if _OWN.search(kept.low):
        many = bool(_MANY_OWN.search(kept.low))
        return [ask(f"Which {'people are' if many else 'person is'} you? I can't tell from the photo — say where "
                    "you are or what you wear, e.g. \"remove everyone except the woman on "
                    "the left\" or \"… except the man in the blue shirt\".")]
    said_targets = [parse_target(part, clause) for part in split_list(kept)]
    targets = [_as_person(target) for target in said_targets]
    if any(target is not None and (target.pronoun or target.pointed) for target in targets):
        return [ask("Who stays? I can't yet keep a pointed-at selection out of a removal — say who stays, e.g. "
                    "\"remove everyone except the girl on the right\".")]
    if any(target is None or target.exclude for target in targets):
        return [ask(f"Whom should I keep? “{said}” doesn't name someone I can find — say who, e.g. \"remove "
                    "everyone except the boy in front\".")]
    names = " and ".join(target.describe() for target in said_targets)      # as said: "the one on the left"
    everyone = Target("person", "people", all=True)
    calls: list = [SelectCall(args=everyone.args())]
    calls += [SelectCall(args=SelectArgs.model_validate({**target.args().model_dump(), "subtract": True}))
              for target in targets]
    if m.group("select"):                      # 'select everyone except the boy': the mask only
        return [Step("select", calls, f"selecting everyone except {names}")]
    calls += [refine(), inpaint("remove")]
    stays = "stay" if len(targets) > 1 or targets[0].all or targets[0].count else "stays"     # a couple: two
    step = Step("remove", calls, f"removing everyone except {names}, who {stays} untouched")
    place = m.group("place")
    if place and not _PICTURE_PLACE.match(place):
        step.note = f"(I remove every person I find, not only those {m.group('at')} the {place}.)"
    return [step]


def _as_person(target: Target | None) -> Target | None:
    """Among people, 'the one on the left' and 'the two in the middle' are people (a count for a number)."""
    if target is None:
        return None
    target = copy.copy(target)
    head = (target.display or target.target).split()[0] if (target.display or target.target) else ""
    if target.target == "object" and _UNNAMED.match(head):
        rest = (target.display or "")[len(head):]
        target.target, target.display = "person", f"person{rest}"
        target.phrase = f"person{target.phrase[len(head):]}" if target.phrase else None
    elif target.target in CARDINALS and CARDINALS[target.target] >= 2 and not target.count:
        target.target, target.display, target.count = "person", "people", CARDINALS[target.target]
    elif _PAIR.match(target.target) and not target.count:
        target.target, target.count = "person", 2
        target.phrase = target.phrase or target.display
    return target

