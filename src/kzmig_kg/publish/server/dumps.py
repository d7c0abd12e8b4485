"""The release as files: VoID/DCAT at ``/.well-known/void`` (and ``/void.ttl``), the dumps listed
with their SHA-256 at ``/dist/`` and downloadable at ``/dist/NAME``."""

from __future__ import annotations

import base64

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from .conneg import negotiate
from .formats import FORMAT_NAMES, GRAPH_ALIASES, GRAPH_TYPES, RDF_FORMATS, content_type
from .pages import render
from .problems import problem
from .settings import sha256_file


async def void(request: Request) -> Response:
    state = request.app.state
    path = state.settings.release_dir / "void.ttl"
    if not path.is_file():
        return problem(404, "this release has no void.ttl; rebuild it with `kzmig-kg build`")
    forced = request.query_params.get("format")
    media = FORMAT_NAMES.get(forced, forced) if forced else negotiate(request.headers.get("accept"),
                                                                        GRAPH_TYPES)
    media = GRAPH_ALIASES.get(media, media)
    if media not in RDF_FORMATS:
        return problem(406, "VoID is offered as Turtle, N-Triples, RDF/XML and JSON-LD")
    body = path.read_bytes()
    if media != "text/turtle":
        triples = [q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
        body = ox.serialize(triples, format=RDF_FORMATS[media])
    return Response(body, media_type=content_type(media), headers={
        "Vary": "Accept", "Cache-Control": "public, max-age=3600", "ETag": f'"{state.release}-void"'})


def checksums(state) -> list[tuple[str, int, str]]:
    """(name, bytes, sha256) of each dump, computed once per server."""
    if state.dump_checksums is None:
        state.dump_checksums = [(p.name, p.stat().st_size, sha256_file(p))
                                for p in state.settings.dumps()]
    return state.dump_checksums


async def dist_index(request: Request) -> Response:
    files = checksums(request.app.state)
    if "text/plain" in request.headers.get("accept", "") or request.query_params.get("format") == "sha256":
        return Response("".join(f"{digest}  {name}\n" for name, _, digest in files),
                        media_type="text/plain; charset=utf-8")
    return render("dist.html", request, files=files)


async def dist_file(request: Request) -> Response:
    name = request.path_params["name"]
    known = {n: digest for n, _, digest in checksums(request.app.state)}
    if name not in known:
        return problem(404, f"no dump named {name}; the list is at /dist/")
    return FileResponse(request.app.state.settings.release_dir / name, headers={
        "ETag": f'"{known[name][:32]}"', "Cache-Control": "public, max-age=86400",
        "Repr-Digest": f"sha-256=:{base64.b64encode(bytes.fromhex(known[name])).decode()}:"})
