"""``search(words)``: ranked hits over the release's full-text index (``dist/search.sqlite``,
written by ``pipeline.release.search_index``): labels in every language, titles, descriptions,
notes, codebook codes and summaries, findings, problems, recommendations and the named queries'
headers. Each hit carries its kind, id, IRI, the words around the match and the passages it
rests on (with their text when the source document is at hand).
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QueryError
from ..paths import SEARCH_INDEX
from .passage_text import PassageRef, with_text

__all__ = ["SearchHit", "search", "search_kinds"]
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset((
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from",
    "had", "has", "have", "how", "in", "is", "it", "its", "of", "on", "or", "say", "said", "says",
    "that", "the", "their", "them", "they", "this", "to", "was", "were", "what", "when", "where",
    "which", "who", "whom", "why", "with", "would", "и", "в", "во", "на", "не", "что", "как", "о",
    "об", "по", "с", "со", "за", "из", "к", "у", "от", "для", "это",
))
MARK_START, MARK_END = "[", "]"


@dataclass
class SearchHit:
    kind: str
    id: str
    iri: str
    label: str
    snippet: str
    score: float
    passages: list[PassageRef] = field(default_factory=list)


def search(words: str, release_dir: Path = Path("dist"), *, kind: str | None = None,
           limit: int = 20, sources_dir: Path | None = None) -> list[SearchHit]:
    """The resources whose words match all of ``words`` (else any of them), best first.

    Every word also matches as a prefix (``квот`` finds ``квоты``); ``kind`` keeps one kind
    (``search_kinds`` lists them); ``sources_dir`` adds the passages' text.
    """
    tokens = [token for token in _WORD.findall(words.lower())]
    if len(tokens) > 1:  # a question: its function words would match everything
        tokens = [token for token in tokens if token not in _STOPWORDS] or tokens
    if not tokens:
        raise QueryError(f"nothing to search for in {words!r}; give one or more words")
    connection = _open(Path(release_dir) / SEARCH_INDEX)
    try:
        if kind is not None:
            _check_kind(connection, kind)
        hits = []
        for operator in (" AND ", " OR "):
            expression = operator.join(f'"{token}"*' for token in tokens)
            hits = _run(connection, expression, kind, limit)
            if hits or len(tokens) == 1:
                break
    finally:
        connection.close()
    for hit in hits:
        hit.passages = with_text(hit.passages, sources_dir)
    return hits


def search_kinds(release_dir: Path = Path("dist")) -> list[str]:
    """The kinds of resource in the index (for ``--kind``)."""
    connection = _open(Path(release_dir) / SEARCH_INDEX)
    try:
        return [row[0] for row in connection.execute("SELECT DISTINCT kind FROM hits ORDER BY kind")]
    finally:
        connection.close()


def _open(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise QueryError(f"no search index at {path}; run `kzmig-kg build` to write the release")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise QueryError(f"{path}: cannot open the search index: {exc}") from None


def _check_kind(connection: sqlite3.Connection, kind: str) -> None:
    kinds = [row[0] for row in connection.execute("SELECT DISTINCT kind FROM hits")]
    if kind not in kinds:
        close = difflib.get_close_matches(kind, kinds, n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise QueryError(f"no kind '{kind}' in the search index; {hint}kinds: {', '.join(sorted(kinds))}")


def _run(connection: sqlite3.Connection, expression: str, kind: str | None,
         limit: int) -> list[SearchHit]:
    sql = ("SELECT kind, id, iri, label, snippet(hits, -1, ?, ?, '…', 24), bm25(hits, 8.0, 1.0), "
           "passages FROM hits WHERE hits MATCH ?" + (" AND kind = ?" if kind else "") +
           " ORDER BY bm25(hits, 8.0, 1.0), id LIMIT ?")
    args: list[object] = [MARK_START, MARK_END, expression] + ([kind] if kind else []) + [limit]
    try:
        rows = connection.execute(sql, args).fetchall()
    except sqlite3.Error as exc:
        raise QueryError(f"the search index cannot answer {expression!r}: {exc}") from None
    return [SearchHit(kind_, id_, iri, label.split(" | ", 1)[0], snippet, -score,
                      [PassageRef(p["file"], p["first"], p["last"], p["section"])
                       for p in json.loads(passages)])
            for kind_, id_, iri, label, snippet, score, passages in rows]
