"""A colour given as a code — "#3a7bd5", "hex 00ff00", "rgb(200, 30, 30)" (issue 20, tones25).

People who know the exact colour they want write it as a web colour code. The recolour tool takes a hex code as
its colour (`tools.builtin_inpainter._parse_colour`), so the planner needs only to read the code: `written_as_hex`
rewrites every way of saying one into a single "#rrggbb" word before the request is split into clauses (an
"rgb(…)" holds commas a clause split would cut at), and `rules_edits.parse_colour_code` reads the clause with the
colour's plain name standing in for the code, then gives the edit the code itself.
"""

from __future__ import annotations

import colorsys
import re

_RGB_SAID = re.compile(r"\brgb\s*\(\s*(?P<r>\d{1,3})\s*,\s*(?P<g>\d{1,3})\s*,\s*(?P<b>\d{1,3})\s*\)", re.IGNORECASE)
"""'rgb(200, 30, 30)': the three channels, each 0–255."""
_HEX_NAMED = re.compile(r"\b(?:hex(?:adecimal)?|colou?r)\s+(?:(?:code|value)\s+)?:?\s*#?(?P<code>[0-9a-z]{6}|[0-9a-f]{3})\b"
                        r"|\bhex(?:adecimal)?\s+(?:code\s+|value\s+)?:?\s*#(?P<marked>[0-9a-z]{3,8})\b", re.IGNORECASE)
"""'hex 00ff00', 'colour code 3a7bd5', 'hex code #abc': the code named as one, its '#' optional. After the bare
word "colour" the code must hold a digit ('colour code' alone, 'colour beige' are words, `_looks_like_a_code`)."""
_MARKED = re.compile(r"(?<![\w#&])#(?P<code>[0-9a-z]{6}|[0-9a-f]{3})\b", re.IGNORECASE)
"""'#3a7bd5', '#fa0': a '#' and six (or three) characters — a code when `_looks_like_a_code` says so; 'the runner
#14' and a hashtag stay what they are."""
CODE_WORD = re.compile(r"(?<![\w#&])#(?P<code>[0-9a-z]{6})\b")
"""A code as `written_as_hex` leaves it: '#' and six characters, lower case (an invalid one keeps its letters)."""

_HUE_NAMES = ((15, "red"), (40, "orange"), (65, "yellow"), (160, "green"), (195, "cyan"), (255, "blue"),
              (315, "purple"), (345, "pink"), (360, "red"))
"""The plain colour a hue (in degrees, upper bounds) is called — the word a reply and a diffusion prompt can use."""


def _looks_like_a_code(code: str) -> bool:
    """Whether six (or three) characters after a '#' are meant as a colour code: all hex digits with a letter among
    them, or a digit mixed with letters a hex code can't hold ('#zz1234', a code mistyped) — never a hashtag of
    letters ('#sunset') or a plain number label ('#123')."""
    low = code.lower()
    has_digit = any(c.isdigit() for c in low)
    if all(c in "0123456789abcdef" for c in low):
        return len(low) == 6 or not low.isdigit()
    return len(low) == 6 and has_digit


def _six_digits(code: str) -> str:
    low = code.lower()
    return "".join(c * 2 for c in low) if len(low) == 3 else low


def written_as_hex(text: str) -> str:
    """The text with every colour code said in it written '#rrggbb' (a '#' code with letters no hex holds is kept as
    the user wrote it, and an rgb() triple out of range without its commas, so the reader can say so)."""
    if "#" not in text and "rgb" not in text.lower() and "hex" not in text.lower() and "code" not in text.lower():
        return text

    def rgb(m: re.Match[str]) -> str:
        channels = [int(m.group(k)) for k in "rgb"]
        if max(channels) > 255:                  # kept whole (no commas for a clause split to cut), to be said back
            return "rgb({} {} {})".format(*channels)
        return "#" + "".join(f"{c:02x}" for c in channels)

    def named(m: re.Match[str]) -> str:
        code = m.group("code") or m.group("marked")
        if m.group("code") and not m.group(0).lower().startswith("hex") and not any(c.isdigit() for c in code):
            return m.group(0)
        if len(code) not in (3, 6):
            return m.group(0)
        return f"#{_six_digits(code)}" if all(c in "0123456789abcdef" for c in code.lower()) or len(code) == 6 \
            else m.group(0)

    def marked(m: re.Match[str]) -> str:
        code = m.group("code")
        return f"#{_six_digits(code)}" if _looks_like_a_code(code) else m.group(0)

    return _MARKED.sub(marked, _HEX_NAMED.sub(named, _RGB_SAID.sub(rgb, text)))


RGB_OUT_OF_RANGE = re.compile(r"\brgb\((?P<r>\d{1,3}) (?P<g>\d{1,3}) (?P<b>\d{1,3})\)")
"""An rgb() triple with a channel above 255, as `written_as_hex` leaves it: no colour, said back in one line."""


def out_of_range_note(low: str) -> str | None:
    """The one line for an rgb() triple no colour has ('rgb(300, 0, 0)'), or None when the words hold none."""
    m = RGB_OUT_OF_RANGE.search(low) if "rgb(" in low else None
    if m is None:
        return None
    said = ", ".join(m.group(k) for k in "rgb")
    return (f"“rgb({said})” isn't a colour I can use: red, green and blue each go from 0 to 255 (“rgb(200, 30, 30)”), "
            "or say the colour in words (“dark red”).")


def valid_code(code: str) -> bool:
    """Whether six characters are a hex colour ('3a7bd5'), not a code mistyped ('zz1234')."""
    return len(code) == 6 and all(c in "0123456789abcdef" for c in code.lower())


def plain_name(code: str) -> str:
    """The plain colour a valid six-digit code is: grey, black or white when it holds little colour, brown for a
    dark orange or red, else its hue's name (`_HUE_NAMES`)."""
    r, g, b = (int(code[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if lightness < 0.12:
        return "black"
    if lightness > 0.9:
        return "white"
    if saturation < 0.15:
        return "grey"
    degrees = hue * 360
    name = next(name for bound, name in _HUE_NAMES if degrees < bound)
    return "brown" if name in ("orange", "red") and lightness < 0.35 else name
