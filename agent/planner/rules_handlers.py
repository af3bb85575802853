"""The handlers of the rules planner, in the order they are asked — one table, explicit priorities.

Each clause (one edit's worth of words, from `rules_clauses`) is offered to the handlers from the
lowest priority number up; the first that returns steps wins. A handler is a function
`(clause, context, settings) -> list[Step]` that returns [] when the clause is not its shape.
`when` narrows a handler to clauses of one shape: a clause built around removing something ("remove
the dark spots", "the sign needs to go") is offered to removal early, before tone words can read it
as "darker"; every other clause meets removal late.

To add a handler: write it in its own module (see docs/planner.md), add one row here with a priority
between the rows it must come after and before, and a test. Priorities are unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_add import parse_add, parse_had
from retouch.agent.planner.rules_blend import parse_pictures_joined, pictures_joined
from retouch.agent.planner.rules_background import (
    parse_background, parse_background_corrected, parse_busy_background, parse_pictured_scene, parse_portrait_look,
)
from retouch.agent.planner.rules_id_photo import id_photo_cue, parse_id_photo
from retouch.agent.planner.rules_keep_only import parse_keep_only
from retouch.agent.planner.rules_canvas import edge_fill_shape, parse_outpaint, parse_size_beside, size_beside
from retouch.agent.planner.rules_damage import parse_damage
from retouch.agent.planner.rules_edits import (
    colour_code_cue, fixes_a_part, parse_colour_added, parse_colour_code, parse_colour_taken, parse_fix, parse_frame_coloured, parse_place_fixed, parse_recolor,
    parse_replace, parse_changed_bare,
)
from retouch.agent.planner.rules_enhance import parse_enhance, salvage_asked, shadow_on_a_part, shadows_lifted, skin_retouched, sunburnt, \
    surface_cleaned
from retouch.agent.planner.rules_followup import parse_followup
from retouch.agent.planner.rules_geometry import parse_geometry, parse_trim
from retouch.agent.planner.rules_history import parse_history, parse_save
from retouch.agent.planner.rules_remove import (
    names_a_thing, parse_attention_thief, parse_photo_fixed_by_removing, parse_remove, photo_fixed_by_removing,
    removal_shape, steals_attention,
)
from retouch.agent.planner.rules_restore import parse_condition
from retouch.agent.planner.rules_select import parse_select
from retouch.agent.planner.rules_steps import Step
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_tone import parse_adjust, parse_colour_splash, splash_cue
from retouch.agent.planner.rules_unsupported import (
    no_tool_cue, parse_no_tool, parse_reshape, parse_undressing, parse_unsupported,
)
from retouch.agent.planner.undressing import undresses
from retouch.agent.planner.rules_wishes import parse_look_or_thing, parse_quality_wish

Parse = Callable[[Words, PlanningContext, Settings], list[Step]]


@dataclass(frozen=True)
class Handler:
    name: str
    priority: int
    parse: Parse
    when: Callable[[str], bool] | None = None
    """Offer the clause only when this accepts its lowercase text."""

    def accepts(self, low: str) -> bool:
        return self.when is None or self.when(low)


@lru_cache(maxsize=64)
def _removal_shaped(low: str) -> bool:
    """`removal_shape`, read once per clause: three rows ask it of the same words (enhance, removal-shaped removal,
    removal), and a clause may be dispatched twice ('it' read as the thing described, then as said). A pure function
    of the words, so the answer is the same; ~7 µs a clause each time it is saved."""
    return removal_shape(low)


def _not_removal_shaped(low: str) -> bool:
    return not _removal_shaped(low)


def _removal_of_a_thing(low: str) -> bool:
    """Removal-shaped, and not a part of a person said with a verb that fixes it ('clean up the hands')."""
    return _removal_shaped(low) and not fixes_a_part(low)


def _no_thing_removed(low: str) -> bool:
    """Enhance reads "clean up this photo", not "photoshop her out" or "clean up the bins": a removal of a thing (but a
    shadow on a face is light: "remove the shadow on her face" is lifted there, and "no idea if this can be tidied up"
    asks about the photo)."""
    return not _removal_shaped(low) or not names_a_thing(low) or shadow_on_a_part(low) or salvage_asked(low) \
        or shadows_lifted(low) or skin_retouched(low) or sunburnt(low) or surface_cleaned(low)


HANDLERS: tuple[Handler, ...] = tuple(sorted((
    Handler("photo fixed by removing", 9, parse_photo_fixed_by_removing, photo_fixed_by_removing),  # clean up this
                                                              # photo removing the scratches (gierq29)
    Handler("history", 10, parse_history),                    # undo, redo, go back to the original
    Handler("id photo", 17, parse_id_photo, id_photo_cue),    # I need a passport photo (white, 35:45) (gier27)
    Handler("pictures joined", 16, parse_pictures_joined, pictures_joined),  # blend these two photos (can't) (gier27)
    Handler("background corrected", 18, parse_background_corrected),  # fix the lighting in the background (bgthings26)
    Handler("save", 20, parse_save),                          # save it as out.png
    Handler("undressing", 21, parse_undressing, undresses),   # take her shirt off (won't)
    Handler("colour code", 19, parse_colour_code, colour_code_cue),  # make the car #3a7bd5 (that exact colour)
    Handler("frame coloured", 22, parse_frame_coloured),     # make the frame gold (not the photo's tone)
    Handler("pictured scene", 23, parse_pictured_scene),     # paste her onto a picture of a storm (its scene)
    Handler("no tool", 24, parse_no_tool, no_tool_cue),       # so I'm facing the shark; make it say OPEN (can't)
    Handler("keep only", 25, parse_keep_only),                # remove / select everyone except the boy in front
    Handler("busy background", 26, parse_busy_background),    # remove the noisy background (its clutter)
    Handler("colour added", 27, parse_colour_added),          # add some red to the lips (not the photo's tone)
    Handler("size beside", 28, parse_size_beside, size_beside),  # make it 1920x1080 and clear it up
    Handler("select", 30, parse_select),                      # select / mask / highlight the dog
    Handler("portrait look", 31, parse_portrait_look),        # add a fake depth of field, a dslr look
    Handler("print damage", 29, parse_damage),                # touch up the tears and spots on this old print
    Handler("quality wish", 32, parse_quality_wish),          # a nice filter; make me less pale; for a large print
    Handler("trim", 33, parse_trim),                          # trim the white border, remove the black bars
    Handler("attention thief", 34, parse_attention_thief, steals_attention),  # the bin stole the show
    Handler("enhance", 35, parse_enhance, _no_thing_removed),  # enhance, touch up, too dark and orange, make it pop
    Handler("colour splash", 36, parse_colour_splash, splash_cue),  # keep the bus red, the rest grey (tones25)
    Handler("look or thing", 37, parse_look_or_thing),        # make it look retro on a print; the reflection nicer
    Handler("reshape", 38, parse_reshape),                    # make me slimmer, fix the perspective (can't)
    Handler("place fixed", 39, parse_place_fixed),            # repair the lower left corner (refilled from around)
    Handler("restore", 40, parse_condition),                  # remove the haze; too dark; the noise (can't)
    Handler("canvas, edge-shaped", 45, parse_outpaint, edge_fill_shape),  # fill in the scene around the edges
    Handler("background", 50, parse_background),              # blur / replace / remove the background
    Handler("colour taken", 52, parse_colour_taken),        # remove the colour from the flowers (it goes grey)
    Handler("remove, removal-shaped", 55, parse_remove, _removal_of_a_thing),   # remove the dark spots
    Handler("unsupported", 60, parse_unsupported),            # restyle, face swap, text, colourise, move
    Handler("geometry", 70, parse_geometry),                  # crop, rotate, flip, straighten
    Handler("canvas", 80, parse_outpaint),                    # extend, zoom out, 16:9, a Facebook cover
    Handler("had", 89, parse_had),                            # make his pear have a face (an add, not a replace)
    Handler("replace", 90, parse_replace),                    # swap the dog for a cat
    Handler("recolor", 100, parse_recolor),                   # make his shirt red
    Handler("fix", 110, parse_fix),                           # fix his hand
    Handler("add", 120, parse_add),                           # add a hat on the man
    Handler("tone", 130, parse_adjust),                       # brighter, more contrast, warmer
    Handler("remove", 140, parse_remove, _not_removal_shaped),  # lose the sunglasses
    Handler("follow-up", 150, parse_followup),                # try again, the other one, make it bigger
    Handler("changed, bare", 160, parse_changed_bare),       # change the number plate (into what? asked)
), key=lambda handler: handler.priority))


def dispatch(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The steps of the first handler that reads this clause; [] when none does."""
    for handler in HANDLERS:
        if handler.accepts(clause.low):
            steps = handler.parse(clause, ctx, settings)
            if steps:
                return steps
    return []
