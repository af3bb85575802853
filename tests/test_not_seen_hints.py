"""A thing the finder did not see: each front end gives its own way out (`tools.errors.NotSeen.with_hint`).

The default finder knows no dogs, so "make the dog black" on the dog photo is not seen. The command line names
its own flags, a library caller gets a hint in no front end's terms; the MCP server's (its `mask` argument) is
asserted in tests/test_mcp.py and the chat's (a click) in tests/test_chat.py.
"""

from __future__ import annotations

import pytest

import retouch
from retouch.tools.errors import NotSeen
from retouch.tools.select import NOT_SEEN_HINT
from retouch.tui.cli import NOT_SEEN_HINT as CLI_HINT


def test_the_command_line_names_its_box_and_mask_file(run_cli, dog_photo, tmp_path) -> None:
    code, _, err = run_cli("edit", dog_photo, "make the dog black", "-o", tmp_path / "out.png")
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1 and len(lines) == 1, err
    assert lines[0] == f"retouch: error: I couldn't find the dog. I can see: sky. {CLI_HINT}"
    assert "--mask" in CLI_HINT and not (tmp_path / "out.png").exists()


def test_a_script_line_keeps_the_command_lines_way_out(run_cli, dog_photo, tmp_path) -> None:
    script = tmp_path / "steps.txt"
    script.write_text("make it a little brighter\nmake the dog black\n")
    code, _, err = run_cli("run", script, "--image", dog_photo, "-o", tmp_path / "out.png")
    assert code == 1 and "steps.txt line 2" in err and CLI_HINT in err, err


def test_a_library_caller_gets_a_hint_in_no_front_ends_terms(dog_photo, tmp_path) -> None:
    editor = retouch.open(dog_photo, session=tmp_path / "session")
    with pytest.raises(NotSeen) as caught:
        editor.edit("make the dog black")
    assert caught.value.hint == NOT_SEEN_HINT
    assert "--" not in str(caught.value) and "click" not in str(caught.value).lower()
