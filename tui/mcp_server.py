"""`retouch mcp`: Retouch's tools for other agents, over the Model Context Protocol (stdio).

An MCP client (Claude Desktop, an IDE assistant, any agent) gets seven tools — edit by words, plan
without editing, make a mask, outpaint, undo, redo, list versions. They are built only on the
public library API (`import retouch`: `open`, `plan`, `mask`, `Plan`, the `Editor`), so a client's
edit is the edit `retouch edit` or a Python program would make.

Every editing tool answers with one line of text (the reply, the new version's path and the
session folder, so the client can continue it) and a PNG preview of the result as image content.
A mistake is a tool error carrying the CLI's one-line message and hint; it never stops the server.
Models load once per server process (the process's model cache keeps them), so the second edit is fast.

Requires the official SDK: `pip install 'retouch[mcp]'`.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from retouch import EditResult, Editor

PREVIEW_SIDE = 512
"""Previews are scaled to fit this many pixels: enough to judge an edit, small enough for a context."""

SERVER_INSTRUCTIONS = (
    "Retouch edits photos from plain-language requests. Start with edit_image(image=PATH, request=...): "
    "it returns the new version's path and a session folder; pass session=FOLDER to later calls to keep "
    "editing the same photo (undo_edit, redo_edit, list_versions work on sessions). The input file is never "
    "modified. Requests like 'remove the person on the left', 'make it 16:9', 'make the background white', "
    "'a bit brighter' work without any model download.")

T = TypeVar("T")


def build_server() -> Any:
    """The MCP server with Retouch's tools registered (the SDK is imported here, not at CLI start-up)."""
    import retouch

    try:
        from mcp.server.mcpserver import Image, MCPServer
        from mcp.server.mcpserver.exceptions import ToolError
    except ImportError:
        raise retouch.RetouchError("the MCP server needs the mcp package",
                                   "Install it with: pip install 'retouch[mcp]'") from None
    from pydantic import ValidationError

    class RetouchMCPServer(MCPServer):
        async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None) -> Any:
            """Arguments that fail the schema get one line too, like the CLI's usage errors."""
            try:
                return await super().call_tool(name, arguments, context)
            except ToolError as exc:
                if isinstance(exc.__cause__, ValidationError):
                    raise ToolError(_one_line(name, exc.__cause__)) from exc.__cause__
                raise

    server = RetouchMCPServer("retouch", instructions=SERVER_INSTRUCTIONS, version=retouch.__version__,
                              log_level="WARNING")

    def guarded(work: Callable[[], T]) -> T:
        """A user's mistake becomes a tool error with the CLI's one line; the server keeps serving."""
        try:
            return work()
        except retouch.RetouchError as exc:
            raise ToolError(str(exc)) from None

    def preview(editor: "Editor") -> Any:
        return Image(data=_png_bytes(editor.image()), format="png")

    def answer(result: "EditResult", editor: "Editor", output: str | None) -> list[Any]:
        lines = [result.reply or "Done."]
        lines.extend(f"note: {note}" for note in result.notes)
        if result.changed:
            lines.append(f"v{result.version:03d}: {result.path}")
        if output:
            lines.append(f"wrote {editor.save(Path(output))}")
        lines.extend(f"wrote {path}" for path in result.saved)
        lines.append(f"session: {editor.session}")
        return ["\n".join(lines), preview(editor)]

    @server.tool(structured_output=False)
    def edit_image(request: str, image: str | None = None, session: str | None = None,
                   output: str | None = None, mask: str | None = None, seed: int | None = None) -> list[Any]:
        """Edit a photo by words, e.g. "remove the person on the left", "make the background white",
        "extend the canvas 256 px to the right", "make it a bit brighter".

        Give `image` (a file path) to start a new session, or `session` (a folder a previous call
        returned) to continue one; both starts or continues that folder for that image. `output`
        also writes the result there (format from the extension; an existing file is refused).
        `mask` is a mask image (white = edit) for requests like "remove this". `seed` makes the
        result reproducible. Returns the reply, the new version's path, the session folder and a
        preview."""
        def work() -> list[Any]:
            editor = _open(image, session)
            _check_free(output)
            return answer(editor.edit(request, mask=_path(mask), seed=seed), editor, output)

        return guarded(work)

    @server.tool(structured_output=False)
    def plan_edit(request: str) -> str:
        """The plan (typed tool calls as JSON) that a request becomes, without touching any image —
        to check how Retouch understood it before editing."""
        return guarded(lambda: retouch.plan(request).model_dump_json(indent=2))

    @server.tool(structured_output=False)
    def make_mask(image: str, target: str, output: str) -> list[Any]:
        """Find what `target` describes ("the person on the left", "the face", "the top third") and
        write its mask to `output` (PNG, white = selected). Nothing is edited. Returns a one-line
        summary and a preview with the selection tinted."""
        def work() -> list[Any]:
            _check_free(output)
            found = retouch.mask(_path(image), target)
            written = found.save(_path(output))
            return [f"{found.summary}\nwrote {written}", Image(data=_png_bytes(found.tinted(_path(image))),
                                                              format="png")]

        return guarded(work)

    @server.tool(structured_output=False)
    def outpaint_image(image: str | None = None, session: str | None = None, left: int = 0, right: int = 0,
                       top: int = 0, bottom: int = 0, aspect: str | None = None, zoom: float | None = None,
                       output: str | None = None, seed: int | None = None) -> list[Any]:
        """Extend the canvas, continuing the photo: by pixels per side (`left`, `right`, `top`,
        `bottom`), to an aspect ratio (`aspect` "16:9"), or zoomed out (`zoom` 1.5). The original
        pixels stay exactly as they were. Same `image` / `session` / `output` / `seed` as edit_image."""
        def work() -> list[Any]:
            sides = {name: value for name, value in (("left", left), ("right", right), ("top", top),
                                                     ("bottom", bottom)) if value}
            args: dict[str, Any] = {**sides, "aspect": aspect, "zoom": zoom, "seed": seed}
            if not sides and aspect is None and zoom is None:
                raise retouch.RetouchError("outpaint_image needs a side in pixels, an aspect or a zoom",
                                           "For example right=256, or aspect='16:9', or zoom=1.5.")
            try:  # checked before a session folder is made for it
                plan = retouch.Plan.model_validate({"calls": [{"tool": "outpaint", "args": args}],
                                                    "reply": "Extending the canvas."})
            except ValidationError as exc:
                raise ToolError(_one_line("outpaint_image", exc)) from None
            editor = _open(image, session)
            _check_free(output)
            return answer(editor.apply(plan, seed=seed), editor, output)

        return guarded(work)

    def move(session: str, steps: int, direction: str) -> list[Any]:
        def work() -> list[Any]:
            editor = _open(None, session)
            path = editor.undo(steps) if direction == "undo" else editor.redo(steps)
            return [f"now at v{editor.version:03d}: {path}", preview(editor)]

        return guarded(work)

    @server.tool(structured_output=False)
    def undo_edit(session: str, steps: int = 1) -> list[Any]:
        """Go back `steps` versions in a session (nothing is deleted; redo_edit brings them back)."""
        return move(session, steps, "undo")

    @server.tool(structured_output=False)
    def redo_edit(session: str, steps: int = 1) -> list[Any]:
        """Bring back `steps` versions that undo_edit stepped away from."""
        return move(session, steps, "redo")

    @server.tool(structured_output=False)
    def list_versions(session: str) -> str:
        """Every version in a session: number, file, the request that made it, and which is current."""
        def work() -> str:
            editor = _open(None, session)
            return json.dumps([{"version": v.number, "path": str(v.path), "request": v.words,
                                "made_from": v.parent, "current": v.current} for v in editor.versions()],
                              indent=2)

        return guarded(work)

    return server


def _one_line(tool: str, error: Any) -> str:
    problems = "; ".join(f"{'.'.join(str(part) for part in item['loc']) or 'arguments'}: {item['msg']}"
                         for item in error.errors())
    return f"{tool}: {problems}. Check the arguments against the tool's input schema."


def _path(text: str | None) -> Path | None:
    return Path(text).expanduser() if text else None


def _open(image: str | None, session: str | None) -> "Editor":
    import retouch

    if image is None and session is None:
        raise retouch.RetouchError("no image and no session given",
                                   "Pass image=PATH to start, or session=FOLDER to continue.")
    return retouch.open(_path(image), session=_path(session))


def _check_free(output: str | None) -> None:
    """Refuse an output that exists before doing the work (a client can't pass --force)."""
    import retouch

    if output and _path(output).exists():
        raise retouch.RetouchError(f"{output} already exists", "Pick another output name.")


def _png_bytes(image: Any) -> bytes:
    from PIL import Image as PILImage

    copy = image.copy()
    copy.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, format="PNG")
    return buffer.getvalue()


def serve_stdio() -> None:
    build_server().run("stdio")
