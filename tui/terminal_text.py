"""Text made safe to show in a terminal: the one filter between untrusted strings and the screen.

Much of what Retouch prints was written by someone else: a plan file's `reply`, an LLM's answer,
an HTTP server's error body, a file name, a journal line. A terminal obeys escape sequences in any
of them — clear the screen, set the window title, rewrite the line above, even (in some
terminals) answer back as if the user had typed. So everything shown goes through `clean`, in the
CLI (`print_err`, `print_out`, the error line) and in the chat (where a conversation line is
added). Printable text, including every non-Latin script and emoji, passes unchanged.
"""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[ [0-?]* [ -/]* [@-~]?                  # CSI: cursor moves, colours, erase (ESC [ … final)
    | \x1b[\]PX^_] .*? (?:\x07|\x1b\\|\x9c|$)    # OSC, DCS, SOS, PM, APC: up to BEL or ST
    | \x1b [ -/]* [0-~]?                         # any other ESC sequence (charset, keypad, reset)
    | \x9b [0-?]* [ -/]* [@-~]?                  # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f] .*? (?:\x07|\x1b\\|\x9c|$)  # 8-bit DCS, SOS, OSC, PM, APC
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls but tab and newline (a lone CR would let text overwrite the line it is on),
DEL, and the bidirectional overrides that make text read differently from what it holds."""


def clean(text: object) -> str:
    """`text` with every escape sequence and control character removed; tabs and newlines kept."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text)))


def one_line(text: object) -> str:
    """`clean`, with line breaks and tabs folded to single spaces: for error lines and status."""
    return " ".join(clean(text).split())
