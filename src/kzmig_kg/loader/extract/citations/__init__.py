"""Step 3: citations of legal acts, in English, Russian and Kazakh legal writing.

One public entry: ``find_citations(text)``. A citation starts at an act-type head (``Law``,
``Constitutional Law``, ``Joint Decree``, ``Government Resolution``, ``Labour Code``, ``Закон``,
``Постановлением``, ``Трудовой кодекс`` ...), optionally after a jurisdiction (``RK Law``). From
the head the parser reads, each part optional, in the orders documents use:

    head [issuer: of the Government of the Republic of Kazakhstan | Правительства РК]
         [having the force of law] [title: "On Migration" | «О миграции населения»]
         [date: dated 22 July 2011 | of 22.07.2011 | от 22 июля 2011 года]
         number: No. 477-IV | № 477-IV | N 2337 | Nos. 148 and 838 | 477-IV (no mark)
         [title: on Population Migration] [year: , 2011 | (2011) | of 2011 | dated ...]
         [title: "On Population Migration"]

Examples: ``(Law No. 477-1V, 2011)``, ``Law No. 201-V (2014)``, ``Resolution of the Government
of the Republic of Kazakhstan No. 961, 2022``, ``Joint Decree of the Minister of Internal Affairs
of the Republic of Kazakhstan No. 215, 2004``, ``Constitutional Law of the Republic of
Kazakhstan No. 438-V (2015)``, ``Закон Республики Казахстан от 22 июля 2011 года № 477-IV``,
``Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV Заңы``.

A citation needs a number, or else a stated issuer with a year or a quoted title (``Joint Decree
of the Acting Minister of Foreign Affairs of the Republic of Kazakhstan (2016)``: form
``issuer``). Acts named by title only (``the Law on the Legal Status of Foreigners``) are found
with form ``title`` and a lower confidence. Numbers are normalised (``actnumbers``), act types and
issuers classified (``acttypes``).

The modules, by role: ``grammar`` (spacing, quotes, act numbers), ``found`` (the result and what a
parser read), ``english``, ``russian`` and ``kazakh`` (heads and parsers), ``federal`` (Russian
federal laws by their number alone), ``issuers`` (who issued an act, and whether a state did),
``finish`` (from parts to a citation), ``styles`` (reference entries, Bluebook, footnotes),
``titles`` (acts named by title), ``named`` (codes and the constitution by name), ``heading`` (the
bill a document is about), ``again`` (acts cited again by title), ``coordinated`` (acts cited
together), ``joint`` (a joint act's number per signatory), ``tables`` (tables of acts),
``neighbours`` (Kyrgyz, Uzbek and Tajik acts in their own languages), ``adilet``
(Adilet identifiers), ``state`` (the state of an act whose citation names none), ``known`` (codes
and laws named by title, numbered from the schemes' ``named_acts``) and ``assemble`` (the entry).
Act types that only a jurisdiction scheme names (a maslikhat's decision, an Uzbek "ПП-" resolution)
are read from data/jurisdictions by ``..schemes``.
"""

from __future__ import annotations

from .assemble import find_citations
from .found import CitationFound

__all__ = ["CitationFound", "find_citations"]
