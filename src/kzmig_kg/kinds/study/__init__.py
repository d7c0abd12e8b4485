"""The expert-interview study of the thesis as linked data.

Seven kinds of record (data/study/), in three modules: ``interviews`` (study, expert),
``codebook`` (study-theme, study-code) and ``findings`` (study-problem, finding, recommendation);
``vocab`` holds the code lists they share.

- ``study``: the research project (``schema:ResearchProject``, ``prov:Activity``) with its
  research questions, methods and the code totals the methods chapter reports;
- ``expert``: an anonymous interviewee (``prov:Person``, ``foaf:Person``) labelled exactly as the
  thesis labels it ("Expert A"), member (``org:memberOf``, ``org:Membership`` with an
  ``org:Role``) of an organisation of a given type; the record also yields the interview
  (``kzo:Interview``, a ``prov:Activity``: date, mode, place);
- ``study-theme`` and ``study-code``: the codebook of Appendix B as a SKOS concept scheme
  (``kzc:codebook``: themes are top concepts, codes narrower concepts with ``skos:notation``, the
  reported number of codes as ``kzo:reportedCodeCount`` and its legibility as ``kzo:countStatus``),
  and the themes under which Chapter 4 presents the findings as a second scheme
  (``kzc:findings-themes``), mapped to the first with SKOS mapping properties;
- ``study-problem``: the problems of migration management the study raises (SKOS concepts);
- ``finding``: a claim of Chapter 4 (``kzo:Finding``), the experts who hold it and those who
  contest it, the codes behind it and the entities it concerns;
- ``recommendation``: one of the eight recommendations of the conclusions, the problems, codes and
  findings it answers and the measures of the 2023-2027 concept that address it (or its status).
"""

# The kinds register in the order of the thesis: study and experts, codebook, findings.
# isort: off
from . import interviews  # noqa: F401
from . import codebook  # noqa: F401
from . import findings  # noqa: F401
# isort: on
