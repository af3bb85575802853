"""Keep-only requests: "remove everyone except the boy in front", "keep only the car, remove everything else".

Some people stay and the rest go. The people who go are every person the finder sees; the ones who stay are
taken out of that selection (`select(…, subtract)`, grown a little by the executor so no edge of them is
filled), and what is left is inpainted away — the scene is kept, not cut out. "Keep only the car, remove
everything else" keeps one thing and drops the whole rest: that is the cut-out (transparent background) the
background step already makes, and the reply says so.

When who stays is the photo's owner ("everyone but me", "just the two of us") no finder can know who that is, but
the people a photo is of are nearly always its largest: the largest person (two for "us", three for "the three of
us") is kept, the reply says so and how to name yourself instead, and the step is unsure. Who is who told right
after it ("… except me and my cousin. He's the boy on the scooter and I'm the woman in the green coat") names them:
with one description for each, those are kept instead, as if said in the first place. A pointed-at selection as who
stays ("everyone except this one") is a question: the contract has no way yet to subtract the current selection.

A wish said as its outcome is the same request: "make the pier shot look like we were all alone", "so it's only my
dog and me", "so there aren't other guests in the frame, only the girl in the centre" remove everyone else, keeping who
is named (or the owner); the reply says how it was read, and the step is unsure.

Two-clause forms ("just X, remove the others") are joined into the one-clause form by `join_keep_only`
before the clauses are read.
"""

from __future__ import annotations

import copy

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import has_command, split_list
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_remove import SPLIT_OUT
from retouch.agent.planner.rules_steps import Step, ask, background_step, inpaint, refine
from retouch.agent.planner.rules_target import Target, parse_target
from retouch.agent.planner.rules_story import who_is_who
from retouch.agent.planner.rules_text import Settings, Words, strip_politeness
from retouch.agent.plan import SelectArgs, SelectCall
from retouch.agent.planner.rules_vocab import CARDINALS, FUNCTION_WORDS, IMAGE_WORDS, PERSON_WORDS
from retouch.agent.planner.rules_target import singularize  # one of a kind kept (issue 20, cutout28)

_ALL_BUT = rx(r"^(?:(?:[a-z']+\s+){0,5}?to\s+)?(?:(?P<select>{SELECT_VERBS})|{REMOVE_VERBS})\s+(?:(?:all|every)\s+(?:of\s+)?)?"
              r"(?P<who>{EVERYONE_WORDS}|{OTHER_PEOPLE})(?:\s+else)?"
              r"(?:\s+(?P<at>in|on|at|from)\s+(?:the|this|that|my|our)\s+(?P<place>(?:[a-z'-]+\s+){0,2}?[a-z'-]+))?"
              r"\s*,?\s+(?:{KEPT_EXCEPT_WORDS})"
              r"(?:\s+(?:(?:{KEEP_VERBS})\s+)?(?P<kept>.*?))?\s*[.!?]*$")
"""'remove everyone except the boy in front', 'please take away the swimmers in the lake apart from the boy
in green' (a place said after who goes is every person: the finder can't limit it, and the reply says so)."""
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
_OWN_GROUP = rx(r"\b(?:the\s+(?P<number>[a-z]+)\s+of\s+us|{OWN_GROUP})\b")
"""The owner as a group ('us', 'the three of us'): two people kept, or the number said."""
_OWNERS_IN_A_GROUP = 2
"""How many people 'us' keeps when no number is said."""
_WISHED_ALONE = rx(r"\b(?:{LOOKS_AS_IF})\s+(?P<kept>(?:the\s+[a-z]+\s+of\s+us|{OWN_PEOPLE}))\s+(?:was|were|are|am|is|'m|'re)\s+"
                   r"(?:all\s+)?(?:{ALONE_WORDS})\b")
"""'make the pier shot look like *we were all alone*': everyone but the owner goes."""
_WISHED_ONLY = rx(r"\b(?:{ONLY_LEADS})\s+(?P<kept>[a-z'-]+(?:\s+[a-z'-]+){0,7}?)\s*[.!?]*$")
"""'fix it so *it's only my dog and me*', 'a picture *of just* us boys': who is left (an owner or a person)."""
_NO_OTHERS = rx(r"\b(?:{NONE_LEFT_LEADS})\s*(?:{NO_OTHER_PEOPLE})\b(?:[^,;]*?(?:,\s*|\s+)(?:just|only|except(?:\s+for)?|"
                r"apart\s+from|but)\s+(?P<kept>[^,;.!?]+))?")
"""'so there aren't other guests in the frame(, only the girl in the centre)': everyone else goes."""
WISHED_ALONE_DOUBT = "a removal of everyone else read from the outcome wished for"
"""The doubt of a step read from an outcome: after a removal in the same request, the outcome is why it was asked."""
_REMOVING = rx(r"\b(?:{REMOVE_VERBS})\b")
_BACKGROUND = rx(r"\b(?:{BACKGROUND_NOUNS})\b")
_CROPPING = rx(r"\b(?:crop|cropp|trim|zoom)")


_PEOPLE_BUT = rx(r"^(?:(?:[a-z']+\s+){0,5}?to\s+)?(?:{REMOVE_VERBS})\s+(?P<who>(?:the|all\s+the|these|those)\s+[a-z'-]+)"
                r"(?:\s+(?:from|in|out\s+of)\s+(?:the|this|my|our)\s+(?:{PICTURE_NOUNS}))?\s*,\s*(?:{KEPT_EXCEPT_WORDS})\s+"
                r"(?P<kept>[^,]+?)\s*,?\s*[.!?]*$")
"""'take away the hikers in this shot (besides me)': people named, then who stays in an aside — everyone but them."""


_KIND_BUT = rx(r"^(?:(?:[a-z']+\s+){0,5}?to\s+)?(?:(?P<select>{SELECT_VERBS})|{REMOVE_VERBS})\s+"
               r"(?P<kind>(?:(?:all|every)\s+(?:of\s+)?)?(?:(?:the|these|those)\s+)?(?:[a-z'-]+\s+)?[a-z'-]+)"
               r"(?:\s+(?:in|on|from|out\s+of)\s+(?:the|this|that|my|our)\s+(?:{PICTURE_NOUNS}))?"
               r"\s*,?\s+(?:{KEPT_EXCEPT_WORDS})\s+(?P<kept>[^,;]+?)\s*[.!?]*$")
"""'remove all the vans except the white one', 'erase every lamp post but the tall one', 'delete all the joggers
but the man in the cap': things of one kind named, then which of them (or who) stays."""
_KIND_NOUN = rx(r"^(?:(?:all|every)\s+(?:of\s+)?)?(?:(?:the|these|those)\s+)?(?:[a-z'-]+\s+)?(?P<noun>[a-z'-]+)$")


_EVERYTHING_ASIDE = rx(r"\b(?:everything|anything)(?P<comma>\s*,)\s+(?=(?:{KEPT_EXCEPT_WORDS})\s)")
"""'remove everything (except the white dog)': what stays said in brackets (a comma by then) — the cut-out 'remove
everything except the white dog' is, never a thing called 'except the white dog'."""


def _kind_but(clause: Words) -> tuple[Target, Words, bool, str] | None:
    """'remove all the vans except the white one' → (every van, 'the white one', selecting only?, 'all the vans'); None when the things
    named are no plural kind the finder can list — everything, the background, the photo, a colour ('remove all the
    colour except her eyes'), one thing ('remove the sky but leave the moon')."""
    m = _KIND_BUT.match(clause.low)
    if m is None:
        return None
    kind = parse_target(clause.slice(m.start("kind"), m.end("kind")))
    noun = _KIND_NOUN.match(m.group("kind")).group("noun")
    plural = m.group("kind").startswith("every") or singularize(noun)[0] != noun
    if kind is None or not kind.all or not plural or kind.pronoun or kind.exclude or kind.target in IMAGE_WORDS \
            or _BACKGROUND.search(m.group("kind")) or _UNNAMED.match(kind.target):
        return None
    if _OWN.search(m.group("kept")) and kind.target not in PERSON_WORDS and kind.target != "person":
        return None                                 # 'the flowers besides me': beside me, a place
    said = f"every {kind.display}" if m.group("kind").startswith("every") else kind.describe()
    return kind, clause.slice(m.start("kept"), m.end("kept")).strip(), bool(m.group("select")), said


def _one_of_the_kind(target: Target | None, kind: Target) -> Target | None:
    """Among things of one kind, 'the middle one', 'the red one' are one of them: that kind, said the same way."""
    if target is None or target.target != "object":
        return target
    head = (target.display or "").split()
    if not head or not _UNNAMED.match(head[-1]):
        return target
    target = copy.copy(target)
    noun = kind.target.split()[-1]
    target.target = kind.target
    target.display = " ".join([*head[:-1], noun if head[-1] == "one" else (kind.display or noun)])
    target.phrase = target.display if target.phrase else None
    return target


def _things_kept(kind: Target, kept: Words, select_only: bool, kind_said: str) -> list[Step]:
    """Every thing of the kind selected, the ones that stay subtracted, the rest removed — the scene is kept, as when
    people go ('select …': the selects only)."""
    said = [parse_target(part) for part in split_list(kept)]
    targets = [_one_of_the_kind(target, kind) for target in said]
    if any(target is None or target.pronoun or target.pointed or target.exclude for target in targets):
        return [ask(f"Which should stay? “{' '.join(kept.orig.split())}” doesn't name one I can find — say which, "
                    f"e.g. \"remove all the {kind.display} except the one on the left\".")]
    calls: list = [SelectCall(args=kind.args())]
    calls += [SelectCall(args=SelectArgs.model_validate({**target.args().model_dump(), "subtract": True}))
              for target in targets]
    names = " and ".join(target.describe() for target in targets)
    if select_only:
        return [Step("select", calls, f"selecting {kind_said} except {names}")]
    stays = "stay" if len(targets) > 1 or targets[0].all or targets[0].count else "stays"
    return [Step("remove", [*calls, refine(), inpaint("remove")],
                 f"removing {kind_said} except {names}, which {stays} untouched")]


def _people_but(clause: Words) -> Words | None:
    """'remove the tourists (besides me)' → 'remove everyone except me'; None for any other clause."""
    m = _PEOPLE_BUT.match(clause.low)
    if m is None:
        return None
    who = parse_target(clause.slice(m.start("who"), m.end("who")))
    if who is None or not who.all or who.target not in PERSON_WORDS and who.target != "person":
        return None
    return Words.of("remove everyone except ").join("", clause.slice(m.start("kept"), m.end("kept")).strip())


_EVERYTHING_BUT = rx(r"\b(?:everything|{BACKGROUND_NOUNS})\b[^,;]*?\s(?:{KEPT_EXCEPT_WORDS})\s+")
_VERB_AFTER_KEPT = rx(r"\s(?P<verb>{IMPERATIVE_VERBS})\s+(?!(?:{FUNCTION_WORDS})\b)[a-z]")
"""'… except the boy *add* trees behind him': a command after the name of what stays (not 'the *cut* in half')."""
_KEPT_NAME_WORDS = 4
"""At most this many words name what stays before a command that starts the next edit."""


def _edit_after_what_stays(clause: Words) -> list[Words]:
    """'remove everything except the boy add trees behind him' → the cut-out, then 'add trees behind him': a command
    run on after the name of what stays starts the next edit (the run-on splitter leaves 'add trees' whole, a noun
    being possible there). One clause, unchanged, when no such command follows within a short name."""
    low = clause.low
    but = _EVERYTHING_BUT.search(low)
    if but is None:
        return [clause]
    for verb in _VERB_AFTER_KEPT.finditer(low, but.end() - 1):
        named = low[but.end():verb.start()].split()
        if len(named) > _KEPT_NAME_WORDS:
            break
        if named and named[-1] not in FUNCTION_WORDS:
            return [clause.slice(0, verb.start()).strip(), clause.slice(verb.start("verb"), len(low)).strip()]
    return [clause]


def join_keep_only(clauses: list[Words]) -> list[Words]:
    """'keep only the car', 'remove everything else' → 'remove everything except the car'; 'just the two of us',
    'remove the others' → 'remove everyone except the two of us'. Other clauses pass unchanged."""
    joined: list[Words] = []
    clauses = [part for clause in clauses for part in _edit_after_what_stays(clause)]
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
        described = _kept_as_described(clauses[index], clauses[index + 1]) if index + 1 < len(clauses) else None
        if described is not None:                  # 'everyone but me and my wife', 'she's the one in red and I'm …'
            joined.append(described)
            index += 2
            continue
        named = index + 1 < len(clauses) and all_but and _a_bare_name(clauses[index + 1])
        if named:                                  # 'remove everyone except the bride', 'groom': one list
            joined.append(clauses[index].join(" and ", clauses[index + 1]))
            index += 2
            continue
        joined.append(clauses[index])
        index += 1
    return joined


_OWN_ONE = rx(r"^(?:(?:{OWN_PEOPLE})|(?:my|our)\s+[a-z'-]+(?:\s+[a-z'-]+)?)$")
"""Someone kept who only the asker can point out: 'me', 'us', 'my wife', 'our little brother'."""


def _kept_as_described(clause: Words, told: Words) -> Words | None:
    """'remove everyone except me and my cousin', then 'he's the boy on the scooter and I'm the woman in the striped
    scarf' → 'remove everyone except the boy on the scooter and the woman in the striped scarf': who is who, told
    after a keep-only of people only the asker knows, is whom it keeps — one description for each of them. None when
    the told clause says no one's looks, or not as many as were kept (then it is told, and the owner kept as before)."""
    ones = who_is_who(told)
    if ones is None:
        return None
    asked = strip_politeness(clause)
    m = _ALL_BUT.match(asked.low)
    if m is None or not m.group("kept"):
        return None
    kept = split_list(asked.slice(m.start("kept"), m.end("kept")).strip())
    if len(kept) != len(ones) or not all(_OWN_ONE.match(part.low.strip(" ,.!?")) for part in kept):
        return None
    described = ones[0]
    for one in ones[1:]:
        described = described.join(" and ", one)
    return asked.slice(0, m.start("kept")).join("", described)


def _a_bare_name(clause: Words) -> bool:
    """A short clause with no verb ('groom', 'the best man'): the rest of a list cut at its 'and'."""
    low = clause.low.strip(" ,.!?")
    return len(low.split()) <= _BARE_NAME_WORDS and not _VERB_FIRST.match(low) and not has_command(low) and \
        parse_target(clause) is not None


def parse_keep_only(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'remove everyone except X' → select(person, all) → select(X, subtract) … → refine_mask → inpaint(remove)
    ('select everyone except X': the selects only); a question when X is the owner or names nothing; [] for any
    other clause."""
    clause = _people_but(clause) or clause          # 'remove the tourists (besides me)'
    aside = _EVERYTHING_ASIDE.search(clause.low)
    if aside:                                       # 'remove everything (except the white dog)': as if unbracketed
        from retouch.agent.planner.rules_handlers import dispatch          # the table imports this module
        return dispatch(clause.blank(aside.start("comma"), aside.end("comma")).squeeze(), ctx, settings)
    of_a_kind = _kind_but(clause) if _ALL_BUT.match(clause.low) is None else None
    if of_a_kind is not None and (of_a_kind[0].target in PERSON_WORDS or of_a_kind[0].target == "person"):
        clause = Words.of(f"{'select' if of_a_kind[2] else 'remove'} everyone except ").join("", of_a_kind[1])
    elif of_a_kind is not None:                     # 'remove all the vans except the white one'
        return _things_kept(*of_a_kind)
    comma = clause.low.find(", ")
    if comma > 0:                                   # 'everyone except my wife, she's the woman holding the umbrella'
        clause = _kept_as_described(clause.slice(0, comma), clause.slice(comma + 2, len(clause.low))) or clause
    wish = _wished_alone(clause)
    if wish is not None:
        kept, said_as = wish
        steps = _keep_steps(clause, kept, select_only=False)
        for step in steps:
            if step.calls:
                step.doubt = WISHED_ALONE_DOUBT
                step.note = " ".join(filter(None, [f"(I read “{said_as}” as removing everyone else.)", step.note]))
        return steps
    m = _ALL_BUT.match(clause.low)
    if m is None and _EVERYONE_ELSE_ALONE.match(clause.low):
        return [ask("Who should stay? Say who, e.g. \"remove everyone except the man on the left\".")]
    if m is None:
        return []
    if m.group("kept") is None or not m.group("kept").strip(" ,.!?"):
        return [ask("Whom should I keep? Say who stays, e.g. \"remove everyone except the man on the left\".")]
    kept = clause.slice(m.start("kept"), m.end("kept")).strip()
    steps = _keep_steps(clause, kept, select_only=bool(m.group("select")))
    place = m.group("place")
    if steps and steps[0].calls and place and not _PICTURE_PLACE.match(place):
        steps[0].note = f"(I remove every person I find, not only those {m.group('at')} the {place}.)"
    return steps


def _wished_alone(clause: Words) -> tuple[Words, str] | None:
    """An outcome that leaves only some people — 'make the pier shot look like we were all alone', 'so it's only my
    dog and me', 'so there aren't any other guests, just the girl in the centre' — as (who stays, the words said);
    None for any other clause (a removal or a crop said in the same words reads as that)."""
    low = clause.low
    if _CROPPING.search(low):
        return None
    found = _WISHED_ALONE.search(low) or _WISHED_ONLY.search(low) or _NO_OTHERS.search(low)
    before = low[:found.start()].strip(" ,") if found else ""
    if found is None or _REMOVING.search(before) or SPLIT_OUT.search(before) or _BACKGROUND.search(low):
        return None
    said = " ".join(clause.orig[found.start():found.end()].split()).rstrip(" .!?")
    if found.group("kept") is None:                 # 'so there aren't any other people': the subject stays
        return Words.of("me"), said
    kept = clause.slice(found.start("kept"), found.end("kept")).strip()
    if not _OWN.search(kept.low):
        target = _as_person(parse_target(split_list(kept)[0], clause))
        if target is None or target.target not in PERSON_WORDS and target.target != "person":
            return None                             # 'a photo of just the sky': no people kept, no keep-only
    return kept, said


def _keep_steps(clause: Words, kept: Words, select_only: bool) -> list[Step]:
    """Every person selected, who stays subtracted, the rest removed ('select …': the selects only)."""
    aside = kept.low.find(",")
    if aside > 0 and _OWN.search(kept.low[aside:]) and not _OWN.search(kept.low[:aside]):
        kept = kept.slice(0, aside).strip()    # 'the one in the white coat (that's me)': described, then said who
    said = " ".join(kept.orig.split())
    if _OWN.search(kept.low):
        return _owner_kept(clause, kept, select_only)
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
    if select_only:                            # 'select everyone except the boy': the mask only
        return [Step("select", calls, f"selecting everyone except {names}")]
    calls += [refine(), inpaint("remove")]
    stays = "stay" if len(targets) > 1 or targets[0].all or targets[0].count else "stays"     # a couple: two
    return [Step("remove", calls, f"removing everyone except {names}, who {stays} untouched")]


def _owner_kept(clause: Words, kept: Words, select_only: bool) -> list[Step]:
    """'everyone but me and my dog': no finder knows who 'me' is, but a photo's subjects are nearly always its
    largest people — the largest person is kept (two for 'us', the number said for 'the three of us', one more for
    each person named with them), a thing named with them ('my dog') is kept by name; said, and unsure."""
    people, things = 0, []
    aside = kept.low.find(",")
    if aside > 0:                              # 'me and my girlfriend, (the) guy in the blue jacket …': said again
        kept = kept.slice(0, aside).strip()
    for part in split_list(kept):
        group = _OWN_GROUP.search(part.low)
        if group:
            people += CARDINALS.get(group.group("number") or "", _OWNERS_IN_A_GROUP)
            continue
        if _OWN.search(part.low):
            people += 1
            continue
        target = _as_person(parse_target(part, clause))
        if target is None or target.pronoun or target.pointed or target.exclude:
            return [ask(f"Whom should I keep? “{' '.join(part.orig.split())}” doesn't name someone I can find — say "
                        "who, e.g. \"remove everyone except the boy in front\".")]
        if target.target in PERSON_WORDS or target.target == "person":
            people += target.count or 1
        else:
            things.append(target)
    people = max(people, 1)
    largest = Target("person", "people" if people > 1 else "person", size="largest",
                     count=people if people > 1 else None)
    calls: list = [SelectCall(args=Target("person", "people", all=True).args())]
    calls += [SelectCall(args=SelectArgs.model_validate({**target.args().model_dump(), "subtract": True}))
              for target in (largest, *things)]
    kept_said = " and ".join(target.describe() for target in (largest, *things))
    note = (f"(I can't tell who you are from the photo, so I kept {kept_said} — a photo's subjects are nearly always "
            "its largest people; if that's wrong, say where you are or what you wear, e.g. \"remove everyone except "
            "the woman on the left\".)")
    if select_only:
        step = Step("select", calls, f"selecting everyone except {kept_said}", note)
    else:
        step = Step("remove", [*calls, refine(), inpaint("remove")], f"removing everyone except {kept_said}", note)
    step.doubt = "the owner kept, taken to be the largest person"
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

