"""`retouch mcp`: Retouch's tools for other agents, over the Model Context Protocol (stdio).

An MCP client (Claude Desktop, an IDE assistant, any agent) gets seven tools — edit by words, plan
without editing, make a mask, outpaint, undo, redo, list versions. They are built only on the
public library API (`import retouch`: `open`, `plan`, `mask`, `Plan`, the `Editor`), so a client's
edit is the edit `retouch edit` or a Python program would make.

Every editing tool answers with one line of text (the reply, the new version's path and the
session folder, so the client can continue it) and a PNG preview of the result as image content.
A mistake is a tool error carrying the CLI's one-line message and hint; it never stops the server.
Models load once per server process (the process's model cache keeps them), so the second edit is fast.

**A workspace.** The client is another program, so every path it names — `image`, `session`,
`output`, `mask`, and any file the words or a plan name ("… and save it as ~/x.png") — must lie
inside the allowed roots: the folders given with `retouch mcp --root DIR` (repeatable) and the
roots the client declares through the protocol's roots capability (asked at every call, so a
change is seen); the working folder when neither gives one. Paths are resolved as the file
system will (`~`, `..`, symbolic links) and one outside is refused with the same line whether or
not it exists (`retouch.Workspace`). New sessions go to Retouch's own sessions folder, and a
client may continue a session there only if it was started from an image inside the roots.

The client's roots come through the SDK's resolver for `roots/list` (`Resolve(ListRoots)`), which
speaks both protocol generations: a request in the middle of the call, or an input-required round.

Requires the official SDK: `pip install 'retouch[mcp]'`. (No `from __future__ import annotations`
here: the SDK reads the tools' annotations, made inside `build_server`, to find the resolver.)
"""

import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Sequence, TypeVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

from retouch.tui.terminal_text import one_line

if TYPE_CHECKING:
    from retouch import EditResult, Editor, Workspace

PREVIEW_SIDE = 512
"""Previews are scaled to fit this many pixels: enough to judge an edit, small enough for a context."""

SERVER_INSTRUCTIONS = (
    "Retouch edits photos from plain-language requests. Start with edit_image(image=PATH, request=...): "
    "it returns the new version's path and a session folder; pass session=FOLDER to later calls to keep "
    "editing the same photo (undo_edit, redo_edit, list_versions work on sessions). The input file is never "
    "modified. Requests like 'remove the person on the left', 'make it 16:9', 'make the background white', "
    "'a bit brighter' work without any model download. Every path must lie inside the folders this server "
    "was allowed (its --root folders and the roots you declare; else its working folder).")

T = TypeVar("T")
NOT_SEEN_HINT = ("Name something else, or pass a mask image of the area as edit_image's `mask` (make_mask writes "
                 "one from a region, e.g. target 'the left half').")
"""The MCP server's way out of a thing the finder did not see: its tools' own arguments, not the CLI's flags."""


def build_server(roots: Sequence[str | os.PathLike[str]] = ()) -> Any:
    """The MCP server with Retouch's tools registered (the SDK is imported here, not at CLI start-up).
    `roots`: the folders `--root` allows, besides the client's declared roots."""
    import retouch

    try:
        from mcp.server.mcpserver import Context, Image, ListRoots, MCPServer, Resolve
        from mcp.server.mcpserver.exceptions import ToolError
        from mcp.types import ListRootsResult
    except ImportError:
        raise retouch.RetouchError("the MCP server needs the mcp package",
                                   "Install it with: pip install 'retouch[mcp]'") from None
    from pydantic import ValidationError

    fixed_roots = [check_root(root) for root in roots]

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

    def declared_roots(context: Context) -> ListRoots | ListRootsResult:
        """The client's roots, asked at every call (so a change is seen) when it declares the roots
        capability; none when it doesn't."""
        capabilities = context.client_capabilities
        if capabilities is None or capabilities.roots is None:
            return ListRootsResult(roots=[])
        return ListRoots()

    ClientRoots = Annotated[ListRootsResult, Resolve(declared_roots)]

    def guarded(roots: ListRootsResult, work: Callable[["Workspace"], T]) -> T:
        """Run a tool's work in this call's workspace: the --root folders and the client's roots,
        else the working folder. A user's mistake becomes a tool error with the CLI's one line
        (folded: a reply or a path may hold line breaks); the server keeps serving."""
        try:
            folders = fixed_roots + file_roots(roots)
            return work(retouch.Workspace(folders or [Path.cwd()], hint=WORKSPACE_HINT))
        except retouch.RetouchError as exc:
            raise ToolError(one_line(exc.with_hint(NOT_SEEN_HINT) if isinstance(exc, retouch.NotSeen) else exc)) from None

    def preview(editor: "Editor") -> Any:
        return Image(data=_png_bytes(editor.image()), format="png")

    def answer(result: "EditResult", editor: "Editor", output: str | None) -> list[Any]:
        # One line each: a reply from a plan or a model must not fake a "wrote …" line.
        lines = [one_line(result.reply) or "Done."]
        lines.extend(f"note: {one_line(note)}" for note in result.notes)
        if result.changed:
            lines.append(f"v{result.version:03d}: {result.path}")
        if output:
            lines.append(f"wrote {editor.save(Path(output))}")
        lines.extend(f"wrote {path}" for path in result.saved)
        lines.append(f"session: {editor.session}")
        return ["\n".join(lines), preview(editor)]

    @server.tool(structured_output=False)
    def edit_image(request: str, roots: ClientRoots, image: str | None = None, session: str | None = None,
                   output: str | None = None, mask: str | None = None, seed: int | None = None) -> list[Any]:
        """Edit a photo by words, e.g. "remove the person on the left", "make the background white",
        "extend the canvas 256 px to the right", "make it a bit brighter".

        Give `image` (a file path) to start a new session, or `session` (a folder a previous call
        returned) to continue one; both starts or continues that folder for that image. `output`
        also writes the result there (format from the extension; an existing file is refused).
        `mask` is a mask image (white = edit) for requests like "remove this". `seed` makes the
        result reproducible. Returns the reply, the new version's path, the session folder and a
        preview."""
        def work(workspace: "Workspace") -> list[Any]:
            _check_paths(workspace, image=image, session=session, output=output, mask=mask)
            editor = _open(image, session, workspace)
            return answer(editor.edit(request, mask=_path(mask), seed=seed), editor, output)

        return guarded(roots, work)

    @server.tool(structured_output=False)
    def plan_edit(request: str) -> str:
        """The plan (typed tool calls as JSON) that a request becomes, without touching any image —
        to check how Retouch understood it before editing."""
        # Touches no file, so it needs no roots (and costs the client no roots/list round).
        return guarded(ListRootsResult(roots=[]), lambda workspace: retouch.plan(request).model_dump_json(indent=2))

    @server.tool(structured_output=False)
    def make_mask(image: str, target: str, output: str, roots: ClientRoots) -> list[Any]:
        """Find what `target` describes ("the person on the left", "the face", "the top third") and
        write its mask to `output` (PNG, white = selected). Nothing is edited. Returns a one-line
        summary and a preview with the selection tinted."""
        def work(workspace: "Workspace") -> list[Any]:
            _check_paths(workspace, image=image, output=output)
            found = retouch.mask(_path(image), target, workspace=workspace)
            written = found.save(_path(output))  # never into a session's own files
            return [f"{one_line(found.summary)}\nwrote {written}",
                    Image(data=_png_bytes(found.tinted(_path(image))), format="png")]

        return guarded(roots, work)

    @server.tool(structured_output=False)
    def outpaint_image(roots: ClientRoots, image: str | None = None, session: str | None = None, left: int = 0,
                       right: int = 0, top: int = 0, bottom: int = 0, aspect: str | None = None,
                       zoom: float | None = None, output: str | None = None, seed: int | None = None) -> list[Any]:
        """Extend the canvas, continuing the photo: by pixels per side (`left`, `right`, `top`,
        `bottom`), to an aspect ratio (`aspect` "16:9"), or zoomed out (`zoom` 1.5). The original
        pixels stay exactly as they were. Same `image` / `session` / `output` / `seed` as edit_image."""
        def work(workspace: "Workspace") -> list[Any]:
            _check_paths(workspace, image=image, session=session, output=output)
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
            editor = _open(image, session, workspace)
            return answer(editor.apply(plan, seed=seed), editor, output)

        return guarded(roots, work)

    def move(roots: ListRootsResult, session: str, steps: int, direction: str) -> list[Any]:
        def work(workspace: "Workspace") -> list[Any]:
            editor = _open(None, session, workspace)
            path = editor.undo(steps) if direction == "undo" else editor.redo(steps)
            return [f"now at v{editor.version:03d}: {path}", preview(editor)]

        return guarded(roots, work)

    @server.tool(structured_output=False)
    def undo_edit(session: str, roots: ClientRoots, steps: int = 1) -> list[Any]:
        """Go back `steps` versions in a session (nothing is deleted; redo_edit brings them back)."""
        return move(roots, session, steps, "undo")

    @server.tool(structured_output=False)
    def redo_edit(session: str, roots: ClientRoots, steps: int = 1) -> list[Any]:
        """Bring back `steps` versions that undo_edit stepped away from."""
        return move(roots, session, steps, "redo")

    @server.tool(structured_output=False)
    def list_versions(session: str, roots: ClientRoots) -> str:
        """Every version in a session: number, file, the request that made it, and which is current."""
        def work(workspace: "Workspace") -> str:
            editor = _open(None, session, workspace)
            return json.dumps([{"version": v.number, "path": str(v.path), "request": v.words,
                                "made_from": v.parent, "current": v.current} for v in editor.versions()],
                              indent=2)

        return guarded(roots, work)

    return server


def _one_line(tool: str, error: Any) -> str:
    problems = "; ".join(f"{'.'.join(str(part) for part in item['loc']) or 'arguments'}: {item['msg']}"
                         for item in error.errors())
    return f"{tool}: {problems}. Check the arguments against the tool's input schema."


WORKSPACE_HINT = ("Use a path inside one of them; the user can allow another folder with "
                  "`retouch mcp --root DIR`, or the client can declare it as a root.")


def check_root(root: str | os.PathLike[str]) -> Path:
    """A `--root` folder: it must exist and be a folder (a typo must not serve nothing, or the wrong thing)."""
    import retouch

    path = Path(os.path.expanduser(os.fspath(root)))
    if not path.is_dir():
        raise retouch.RetouchError(f"--root {root} is not a folder", "Give an existing folder to serve.")
    return path.resolve()


def file_roots(listed: Any) -> list[Path]:
    """The folders of a client's `roots/list` answer: its file URIs (anything else names no folder)."""
    folders = []
    for root in getattr(listed, "roots", None) or []:
        parts = urlsplit(str(root.uri))
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            folders.append(Path(url2pathname(parts.path)))  # url2pathname unquotes %20 & co.
    return folders


def _path(text: str | None) -> Path | None:
    return Path(text).expanduser() if text else None


def _check_paths(workspace: "Workspace", *, image: str | None = None, session: str | None = None,
                 output: str | None = None, mask: str | None = None) -> None:
    """Every path argument inside the workspace, before anything is read, made or written — and an
    output that exists refused up front (a client can't pass --force)."""
    import retouch

    if image:
        workspace.inside(image, "the image")
    if mask:
        workspace.inside(mask, "the mask")
    if session:
        workspace.session_folder(session)
    if output:
        workspace.inside(output, "the output")
        if _path(output).exists():
            raise retouch.RetouchError(f"{output} already exists", "Pick another output name.")


def _open(image: str | None, session: str | None, workspace: "Workspace") -> "Editor":
    import retouch

    if image is None and session is None:
        raise retouch.RetouchError("no image and no session given",
                                   "Pass image=PATH to start, or session=FOLDER to continue.")
    return retouch.open(_path(image), session=_path(session), workspace=workspace)


def _png_bytes(image: Any) -> bytes:
    from PIL import Image as PILImage

    copy = image.copy()
    copy.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, format="PNG")
    return buffer.getvalue()


def serve_stdio(roots: Sequence[str | os.PathLike[str]] = ()) -> None:
    build_server(roots).run("stdio")
