"""`retouch mcp` end to end: the official SDK's client starts the server over stdio and uses it."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.support import pixels

pytest.importorskip("mcp", reason="the MCP SDK is the optional extra retouch[mcp]; make test installs it")

from mcp import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

EXPECTED_TOOLS = ["edit_image", "list_versions", "make_mask", "outpaint_image", "plan_edit", "redo_edit",
                  "undo_edit"]


def _server(tmp_path: Path) -> StdioServerParameters:
    return StdioServerParameters(command=str(Path(sys.executable).parent / "retouch"), args=["mcp"],
                                 env={"XDG_DATA_HOME": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1",
                                      "RETOUCH_CONFIG": os.devnull,
                                      "PATH": os.environ.get("PATH", "")},
                                 cwd=str(tmp_path))


def _text(result: Any) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


def _image(result: Any) -> Image.Image:
    block = next(block for block in result.content if block.type == "image")
    assert block.mime_type == "image/png"
    return Image.open(io.BytesIO(base64.b64decode(block.data)))


def _session_of(text: str) -> str:
    return next(line.removeprefix("session: ") for line in text.splitlines() if line.startswith("session: "))


def test_a_client_lists_the_tools_edits_undoes_and_sees_errors(tmp_path: Path, person_photo: Path) -> None:
    # The server serves its working folder (no --root, no client roots): the photo is put there.
    person_photo = Path(shutil.copy(person_photo, tmp_path / "person.png"))
    out = tmp_path / "clean.png"
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n truncated")

    async def conversation() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        async with Client(_server(tmp_path), read_timeout_seconds=120) as client:
            tools = await client.list_tools()
            seen["tools"] = {tool.name: tool for tool in tools.tools}

            seen["plan"] = await client.call_tool("plan_edit", {"request": "remove the person on the left"})
            seen["edit"] = await client.call_tool("edit_image", {
                "image": str(person_photo), "request": "remove the person", "output": str(out), "seed": 0})
            session = _session_of(_text(seen["edit"]))
            seen["outpaint"] = await client.call_tool("outpaint_image", {"session": session, "right": 64, "seed": 1})
            seen["undo"] = await client.call_tool("undo_edit", {"session": session})
            seen["versions"] = await client.call_tool("list_versions", {"session": session})
            seen["mask"] = await client.call_tool("make_mask", {
                "image": str(person_photo), "target": "the person", "output": str(tmp_path / "m.png")})
            # Mistakes: each a tool error with one line, and the server keeps serving afterwards.
            seen["unreadable"] = await client.call_tool("edit_image", {"image": str(bad), "request": "brighter"})
            seen["nothing_found"] = await client.call_tool("edit_image", {
                "image": str(person_photo), "request": "remove the giraffe"})
            seen["no_target"] = await client.call_tool("edit_image", {"request": "brighter"})
            seen["bad_type"] = await client.call_tool("outpaint_image", {"session": session, "right": "lots"})
            seen["exists"] = await client.call_tool("edit_image", {
                "image": str(person_photo), "request": "brighter", "output": str(out)})
            seen["after"] = await client.call_tool("plan_edit", {"request": "make it 16:9"})
        return seen

    seen = asyncio.run(conversation())

    assert sorted(seen["tools"]) == EXPECTED_TOOLS
    assert "request" in seen["tools"]["edit_image"].input_schema["properties"]
    assert seen["tools"]["edit_image"].description.startswith("Edit a photo by words")

    plan = json.loads(_text(seen["plan"]))
    assert [c["tool"] for c in plan["calls"]] == ["select", "refine_mask", "inpaint"]
    assert plan["calls"][0]["args"]["position"] == "left"

    edit = seen["edit"]
    assert not edit.is_error, _text(edit)
    text = _text(edit)
    assert text.startswith("Removing the person.") and f"wrote {out}" in text
    version_path = Path(next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("v001: ")))
    assert version_path.exists() and np.array_equal(pixels(out), pixels(version_path))
    assert _image(edit).size == (256, 256)
    assert np.abs(pixels(out).astype(int) - pixels(person_photo)).sum() > 0

    assert "v002: " in _text(seen["outpaint"]) and _image(seen["outpaint"]).size == (320, 256)
    assert _text(seen["undo"]).startswith("now at v001: ")
    versions = json.loads(_text(seen["versions"]))
    assert [(v["version"], v["current"]) for v in versions] == [(0, False), (1, True), (2, False)]
    assert versions[2]["request"] == "(plan)"

    assert _text(seen["mask"]).startswith("selected the person")
    assert np.asarray(Image.open(tmp_path / "m.png")).max() == 255

    for name in ("unreadable", "nothing_found", "no_target", "bad_type", "exists"):
        result = seen[name]
        assert result.is_error, name
        assert len(_text(result).splitlines()) == 1, (name, _text(result))
    assert "giraffe" in _text(seen["nothing_found"])
    assert "edit_image's `mask`" in _text(seen["nothing_found"]) and "--mask" not in _text(seen["nothing_found"])
    assert _text(seen["no_target"]) == ("Error executing tool edit_image: no image and no session given. "
                                        "Pass image=PATH to start, or session=FOLDER to continue.")
    assert _text(seen["bad_type"]).startswith("outpaint_image: right: Input should be a valid integer")
    assert "already exists" in _text(seen["exists"])
    assert not seen["after"].is_error
