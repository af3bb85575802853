"""One way to build what runs an edit: the planner, the backends and the agent.

Each is chosen by name — else the config file's choice, else the defaults — with the config
file's `[backends.NAME]` options, and the instances come from the registry (which keeps them, and
their models, in the process's model cache). The CLI, the chat, `retouch mask`, the MCP server,
`retouch batch` and `retouch.open` all build here, so the same words with the same seed and models
give the same pixels everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PIL import Image

    from retouch.agent.agent import Agent
    from retouch.agent.config import Config
    from retouch.agent.executor import Backends
    from retouch.agent.planner.base import Planner
    from retouch.agent.session import Session
    from retouch.agent.workspace import Workspace


def build_planner(name: str | None = None, config: "Config | None" = None) -> "Planner":
    """The planner `name` (else the config file's) with its `[backends.NAME]` options."""
    from retouch.agent import registry

    config = config or _config()
    name = name or config.planner
    return registry.load("planner", name, **config.backend_options.get(name, {}))


def build_backends(config: "Config | None" = None, *, finder: str | None = None,
                   inpainter: str | None = None) -> "Backends":
    """The finder and inpainter by name (else the config file's), loaded when first needed."""
    from retouch.agent.executor import Backends

    config = config or _config()
    return Backends(finder_name=finder or config.finder, inpainter_name=inpainter or config.inpainter,
                    options=config.backend_options)


def build_agent(session: "Session", *, planner: str | None = None, finder: str | None = None,
                inpainter: str | None = None, config: "Config | None" = None, overwrite_saves: bool = False,
                on_wait: Callable[[str], None] | None = None,
                current_image: "Image.Image | None" = None, workspace: "Workspace | None" = None) -> "Agent":
    """An agent on `session` with the named backends — else the config file's, else the defaults.
    `current_image`: the current version, already decoded (see `editor.start_session`). The planner
    loads when the agent first plans: an agent that only applies plans (a batch worker) never does.
    `workspace`: the folders every file a plan names must lie in (`agent.workspace`)."""
    from retouch.agent.agent import Agent

    config = config or _config()
    return Agent(session, backends=build_backends(config, finder=finder, inpainter=inpainter),
                 load_planner=lambda: build_planner(planner, config), settings=config.settings,
                 overwrite_saves=overwrite_saves, on_wait=on_wait, current_image=current_image,
                 workspace=workspace)


def _config() -> "Config":
    from retouch.agent.config import load_config

    return load_config()

