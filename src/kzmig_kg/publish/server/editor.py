"""The SPARQL editor: YASGUI (@zazuko/yasgui, vendored in static/yasgui, no CDN) on /sparql with the
named queries as examples: ``editor_page(request)``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from .description import endpoint_url
from .pages import render


async def editor_page(request: Request) -> Response:
    state = request.app.state
    examples = {name: {"title": q.title or name, "text": q.text}
                for name, q in state.named_queries.items() if not name.startswith("checks/")}
    endpoint = endpoint_url(request).rsplit("/", 1)[0] + "/sparql"
    return render("editor.html", request, examples=examples, endpoint=endpoint,
                  max_rows=state.settings.max_rows, timeout=f"{state.settings.timeout_s:g}",
                  headers={"Vary": "Accept"})
