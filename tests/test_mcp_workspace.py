"""`retouch mcp` serves only inside its workspace: the official SDK's client drives the server over
stdio and tries every way out — paths outside, `..`, `~`, links, "save it as ~/x.png" in the words,
session folders elsewhere, a mask into a session's own files — and the declared roots."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp", reason="the MCP SDK is the optional extra retouch[mcp]; make test installs it")

from mcp import Client  # noqa: E402
from mcp import types as mcp_types  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

from tests.support import small_photo  # noqa: E402

RETOUCH = str(Path(sys.executable).parent / "retouch")


def _params(tmp_path: Path, *args: str, cwd: Path) -> StdioServerParameters:
    return StdioServerParameters(command=RETOUCH, args=["mcp", *args], cwd=str(cwd),
                                 env={"XDG_DATA_HOME": str(tmp_path / "data"),
                                      "XDG_CACHE_HOME": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1",
                                      "RETOUCH_CONFIG": os.devnull, "HOME": str(tmp_path / "home"),
                                      "PATH": os.environ.get("PATH", "")})


def _text(result: Any) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


def _session_of(text: str) -> str:
    return next(line.removeprefix("session: ") for line in text.splitlines() if line.startswith("session: "))


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    """allowed/ (the --root) with a photo, outside/ with a secret photo, a link from inside to it,
    a link to the outside folder, and a home folder outside both."""
    allowed, outside, home = tmp_path / "allowed", tmp_path / "outside", tmp_path / "home"
    for folder in (allowed, outside, home):
        folder.mkdir()
    photo = small_photo(allowed, (96, 72))
    secret = small_photo(outside, (96, 72), "secret.png")
    (allowed / "link.png").symlink_to(secret)
    (allowed / "elsewhere").symlink_to(outside, target_is_directory=True)
    return {"allowed": allowed, "outside": outside, "home": home, "photo": photo, "secret": secret}


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def test_every_path_outside_the_root_is_refused_the_same_way(tmp_path: Path, places: dict[str, Path]) -> None:
    allowed, outside, photo = places["allowed"], places["outside"], places["photo"]
    work = tmp_path / "work"  # the server's working folder is not a root when --root is given
    work.mkdir()
    small_photo(work, (96, 72), "cwd.png")
    before_outside, before_home = _files(outside), _files(places["home"])

    async def conversation() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        async with Client(_params(tmp_path, "--root", str(allowed), cwd=work), read_timeout_seconds=120) as client:
            seen["schema"] = {tool.name: tool.input_schema for tool in (await client.list_tools()).tools}
            call = client.call_tool
            seen["secret"] = await call("edit_image", {"image": str(places["secret"]), "request": "brighter"})
            seen["missing"] = await call("edit_image", {"image": str(outside / "missing.png"), "request": "brighter"})
            seen["dotdot"] = await call("edit_image", {"image": str(allowed / ".." / "outside" / "secret.png"),
                                                       "request": "brighter"})
            seen["link"] = await call("edit_image", {"image": str(allowed / "link.png"), "request": "brighter"})
            seen["cwd"] = await call("edit_image", {"image": "cwd.png", "request": "brighter"})
            seen["out_up"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                       "output": str(allowed / ".." / "outside" / "x.png")})
            seen["out_home"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                         "output": "~/x.png"})
            seen["out_link"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                         "output": str(allowed / "elsewhere" / "x.png")})
            seen["words_home"] = await call("edit_image", {"image": str(photo),
                                                           "request": "make it brighter and save it as ~/y.png"})
            seen["mask_out"] = await call("edit_image", {"image": str(photo), "request": "remove this",
                                                         "mask": str(places["secret"])})
            seen["session_out"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                            "session": str(outside / "s")})
            seen["ok"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                   "session": str(allowed / "s1"),
                                                   "output": str(allowed / "bright.png")})
            seen["words_ok"] = await call("edit_image", {"session": str(allowed / "s1"),
                                                         "request": f"make it darker and save it as {allowed / 'd.png'}"})
            seen["mask_into_session"] = await call("make_mask", {"image": str(photo), "target": "the left half",
                                                                 "output": str(allowed / "s1" / "v007.png")})
            seen["mask_into_masks"] = await call("make_mask", {"image": str(photo), "target": "the left half",
                                                               "output": str(allowed / "s1" / "masks" / "m.png")})
            seen["mask_outside"] = await call("make_mask", {"image": str(photo), "target": "the left half",
                                                            "output": str(outside / "m.png")})
            seen["mask_ok"] = await call("make_mask", {"image": str(photo), "target": "the left half",
                                                       "output": str(allowed / "m.png")})
            seen["undo_out"] = await call("undo_edit", {"session": str(outside)})
            seen["versions_link"] = await call("list_versions", {"session": str(allowed / "elsewhere")})
            seen["own"] = await call("edit_image", {"image": str(photo), "request": "make it brighter"})
            seen["own_again"] = await call("list_versions", {"session": _session_of(_text(seen["own"]))})
            seen["outpaint_out"] = await call("outpaint_image", {"image": str(places["secret"]), "right": 16})
        return seen

    seen = asyncio.run(conversation())

    assert all("roots" not in schema.get("properties", {}) for schema in seen["schema"].values())
    refused = ["secret", "missing", "dotdot", "link", "cwd", "out_up", "out_home", "out_link", "words_home",
               "mask_out", "session_out", "mask_into_session", "mask_into_masks", "mask_outside", "undo_out",
               "versions_link", "outpaint_out"]
    for name in refused:
        assert seen[name].is_error, (name, _text(seen[name]))
        assert len(_text(seen[name]).splitlines()) == 1, name
    for name in ("secret", "missing", "dotdot", "link", "out_up", "out_home", "words_home", "session_out"):
        assert "is outside the folders Retouch may use here" in _text(seen[name]), name
    # The same line whether or not the file exists: only the name differs.
    assert _text(seen["secret"]).replace("secret.png", "X") == _text(seen["missing"]).replace("missing.png", "X")
    assert "does not exist" not in _text(seen["missing"])
    assert str(outside) not in _text(seen["link"])  # a link's target is never shown
    for name in ("mask_into_session", "mask_into_masks"):
        assert "one of the files of the session" in _text(seen[name]), _text(seen[name])

    assert not seen["ok"].is_error, _text(seen["ok"])
    assert (allowed / "bright.png").exists() and (allowed / "s1" / "v001.png").exists()
    assert not seen["words_ok"].is_error and (allowed / "d.png").exists()
    assert not seen["mask_ok"].is_error and (allowed / "m.png").exists()
    assert not (allowed / "s1" / "v007.png").exists() and not (allowed / "s1" / "masks" / "m.png").exists()
    assert not seen["own"].is_error and not seen["own_again"].is_error  # its own session, in the data dir
    # Nothing was written outside the root, nor in home, nor a session made outside.
    assert _files(outside) == before_outside and _files(places["home"]) == before_home


def test_a_session_of_the_users_own_elsewhere_is_refused(tmp_path: Path, places: dict[str, Path], run_cli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A session in Retouch's sessions folder is the client's to continue only when it was started
    from an image inside the roots: the user's other sessions stay theirs."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, _, err = run_cli("edit", places["secret"], "make it brighter")
    assert code == 0, err
    users = next(line.removeprefix("session: ") for line in err.splitlines() if line.startswith("session: "))

    async def conversation() -> Any:
        async with Client(_params(tmp_path, "--root", str(places["allowed"]), cwd=places["allowed"]),
                          read_timeout_seconds=120) as client:
            return await client.call_tool("list_versions", {"session": users})

    result = asyncio.run(conversation())
    assert result.is_error and "is outside the folders Retouch may use here" in _text(result)


def test_the_roots_the_client_declares_are_the_workspace(tmp_path: Path, places: dict[str, Path]) -> None:
    """No --root: the client's declared roots (asked at every call, so a change is seen), and not the
    server's working folder; several --root folders all count; a root's URI is percent-decoded once."""
    declared = [places["outside"]]
    spaced = tmp_path / "my photos%20"
    spaced.mkdir()
    small_photo(spaced, (96, 72), "p q.png")

    async def roots(context: Any) -> mcp_types.ListRootsResult:
        return mcp_types.ListRootsResult(roots=[mcp_types.Root(uri=folder.as_uri()) for folder in declared])

    async def conversation() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        async with Client(_params(tmp_path, cwd=places["allowed"]), read_timeout_seconds=120,
                          list_roots_callback=roots) as client:
            seen["declared"] = await client.call_tool("edit_image", {"image": str(places["secret"]),
                                                                     "request": "make it brighter"})
            seen["cwd"] = await client.call_tool("edit_image", {"image": str(places["photo"]),
                                                                "request": "make it brighter"})
            declared[:] = [places["allowed"]]
            seen["changed"] = await client.call_tool("edit_image", {"image": str(places["photo"]),
                                                                    "request": "make it brighter"})
            seen["gone"] = await client.call_tool("edit_image", {"image": str(places["secret"]),
                                                                 "request": "make it brighter"})
            declared[:] = [spaced]
            seen["spaced"] = await client.call_tool("edit_image", {"image": str(spaced / "p q.png"),
                                                                   "request": "make it brighter"})
        other = tmp_path / "other"
        other.mkdir()
        shutil.copy(places["photo"], other / "p.png")
        async with Client(_params(tmp_path, "--root", str(other), "--root", str(places["outside"]),
                                  cwd=places["allowed"]), read_timeout_seconds=120) as client:
            seen["root_1"] = await client.call_tool("edit_image", {"image": str(other / "p.png"),
                                                                   "request": "make it brighter"})
            seen["root_2"] = await client.call_tool("edit_image", {"image": str(places["secret"]),
                                                                   "request": "make it brighter"})
            seen["not_root"] = await client.call_tool("edit_image", {"image": str(places["photo"]),
                                                                     "request": "make it brighter"})
        return seen

    seen = asyncio.run(conversation())
    assert not seen["declared"].is_error, _text(seen["declared"])
    assert seen["cwd"].is_error and "is outside" in _text(seen["cwd"])
    assert not seen["changed"].is_error and seen["gone"].is_error
    assert not seen["spaced"].is_error, _text(seen["spaced"])
    assert not seen["root_1"].is_error and not seen["root_2"].is_error and seen["not_root"].is_error


def test_a_root_that_is_not_a_folder_stops_the_server_with_one_line(tmp_path: Path, run_cli) -> None:
    code, out, err = run_cli("mcp", "--root", str(tmp_path / "nowhere"))
    assert code == 1 and out == ""
    assert err.strip() == f"retouch: error: --root {tmp_path / 'nowhere'} is not a folder. Give an existing folder to serve."
