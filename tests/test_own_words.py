"""The graph carries the thesis's facts in our words, never its sentences.

Descriptions, summaries, statements and notes may not share a run of 12 words with the thesis.
Names are exempt (titles, labels, the citations as printed: they are the thesis's names for
things), and so is text inside quotation marks, which is how a record quotes a formal title or a
garbled line on purpose.
"""

from __future__ import annotations

import re

from rdflib import Literal

from .conftest import THESIS

RUN = 12
NAME_PROPERTIES = {"citedAs", "numberAsPrinted", "statedAs", "title", "label", "prefLabel",
                   "altLabel", "bibliographicCitation", "recordId", "labelAsPrinted",
                   "recommendationTitle", "questionText", "alternative", "comment", "fileName"}
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![A-Za-z])'[^']{12,}'(?![A-Za-z])")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def test_no_text_copies_a_run_of_the_thesis(release) -> None:
    thesis = _words(THESIS.read_text(encoding="utf-8"))
    runs = {tuple(thesis[i:i + RUN]) for i in range(len(thesis) - RUN + 1)}
    copied = set()
    for s, p, o, _g in release.dataset.quads((None, None, None, None)):
        if not isinstance(o, Literal) or o.datatype is not None or o.language not in (None, "en"):
            continue
        if _local_name(str(p)) in NAME_PROPERTIES:
            continue
        words = _words(QUOTED.sub(" | ", str(o)))
        for i in range(len(words) - RUN + 1):
            if tuple(words[i:i + RUN]) in runs:
                copied.add(f"{s} {_local_name(str(p))}: ...{' '.join(words[i:i + RUN])}...")
                break
    assert not copied, "say it in our words, or quote a formal name:\n" + "\n".join(sorted(copied))
