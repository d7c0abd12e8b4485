"""Act types a citation is read as from the jurisdiction schemes (data/jurisdictions/*.yaml), with
no code of their own: a scheme's act type with ``head_re`` (and ``issuer_re`` or ``number_re``)
names how citations write it ("решение ... маслихата", "постановление Президента Республики
Узбекистан ... № ПП-3666"), and a scheme's ``cited_as`` how they name its state ("РУз").

``type_from_schemes(head, issuer, number, jurisdiction)`` gives the generic act type and the state
(ISO alpha-3) of the first act type whose patterns the citation matches: the types of the
citation's own state, or, when it names none, those that exist in one state only (``only_here``).
``state_names()`` are the (pattern, ISO alpha-3) pairs of ``cited_as``; ``states_named(text)`` the
states a text names anywhere (``named_as``); ``named_acts()`` the codes and laws a scheme names by
title, with their numbers, dates and evidence pages (``named_acts``). The schemes are read on
first use, so a broken one is reported by the command that reads a document, in one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from ...errors import KzmigError
from ...paths import JURISDICTION_SCHEMES


@dataclass(frozen=True)
class _Rule:
    state: str                       # ISO alpha-3 of the scheme
    generic: str                     # the generic act type a citation is read as
    head: re.Pattern[str]
    issuer: re.Pattern[str] | None
    number: re.Pattern[str] | None
    only_here: bool
    issued_by: str | None = None     # the English name of the issuer the type implies (President)


def _compiled(path: str, where: str, pattern: str | None) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise KzmigError(f"{path}: {where}: '{pattern}' is not a regular expression ({error}); "
                         "write a Python regular expression, e.g. decision|решени") from None


_Named = tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True)
class NamedAct:
    """A code or law a scheme names by title (``named_acts``), with its number and date."""
    state: str                       # ISO alpha-3 of the scheme
    act_type: str                    # generic act type
    number: str | None
    date: str                        # YYYY-MM-DD
    issuer: str | None               # the issuer's id in the scheme
    issuer_name: str | None          # its English name
    names: re.Pattern[str]
    evidence: tuple[str, ...]
    title: str                       # the English title
    titles: tuple[str, ...] = ()     # its titles in English, Russian and Kazakh


@cache
def _read_schemes() -> tuple[tuple[_Rule, ...], tuple[tuple[str, str], ...], _Named, tuple[NamedAct, ...]]:
    rules: list[_Rule] = []
    names: list[tuple[str, str]] = []
    named: list[tuple[re.Pattern[str], str]] = []
    acts: list[NamedAct] = []
    # Kazakhstan's scheme first: its types are the ones a citation without a state most often has
    paths = sorted(JURISDICTION_SCHEMES.glob("*.yaml"), key=lambda p: (p.stem != "kz", p.stem))
    for path in paths:
        try:
            top = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise KzmigError(f"{path}: the jurisdiction scheme cannot be read ({error}); fix its "
                             "YAML") from None
        if top.get("kind") != "jurisdiction":
            continue
        for scheme in top.get("records") or []:
            state = scheme.get("code")
            if scheme.get("cited_as"):
                _compiled(str(path), f"{scheme.get('id')} cited_as", scheme["cited_as"])
                names.append((scheme["cited_as"], state))
            if pattern := _compiled(str(path), f"{scheme.get('id')} named_as", scheme.get("named_as")):
                named.append((pattern, state))
            issuers = {i.get("id"): i.get("en") for i in scheme.get("issuers") or []}
            for entry in scheme.get("named_acts") or []:
                pattern = _compiled(str(path), f"named act {entry.get('id')} names_re", entry.get("names_re"))
                if pattern is not None and entry.get("date"):
                    acts.append(NamedAct(state, entry.get("act_type"), entry.get("number"),
                                         str(entry["date"]), entry.get("issuer"),
                                         issuers.get(entry.get("issuer")), pattern,
                                         tuple(entry.get("evidence") or ()), entry.get("en") or "",
                                         tuple(entry[k] for k in ("en", "ru", "kk") if entry.get(k))))
            for entry in scheme.get("act_types") or []:
                head = _compiled(str(path), f"act type {entry.get('id')} head_re", entry.get("head_re"))
                if head is None or not entry.get("generic"):
                    continue
                rules.append(_Rule(
                    state, entry["generic"], head,
                    _compiled(str(path), f"act type {entry.get('id')} issuer_re", entry.get("issuer_re")),
                    _compiled(str(path), f"act type {entry.get('id')} number_re", entry.get("number_re")),
                    bool(entry.get("only_here")), issuers.get(entry.get("issued_by"))))
    return tuple(rules), tuple(names), tuple(named), tuple(acts)


def named_acts() -> tuple[NamedAct, ...]:
    """The codes and laws the schemes name by title (``named_acts``), Kazakhstan's first."""
    return _read_schemes()[3]


def state_names() -> tuple[tuple[str, str], ...]:
    """(pattern, ISO alpha-3) of how citations name each scheme's state (its ``cited_as``)."""
    return _read_schemes()[1]


def states_named(text: str) -> set[str]:
    """The states (ISO alpha-3) a text names anywhere, by the schemes' ``named_as`` (the state's own
    name in any form: "Казахстане", "Kazakhstan's", "РК"), not only in its citations."""
    return {state for pattern, state in _read_schemes()[2] if pattern.search(text)}


def _matches(rule: _Rule, head: str, issuer: str, number: str) -> bool:
    if not rule.head.search(head):
        return False
    if rule.issuer is None and rule.number is None:
        return True
    # the issuer or the number's mark says which: "постановление Президента" or "№ ПП-3666"
    return bool((rule.issuer and rule.issuer.search(issuer)) or
                (rule.number and number and rule.number.search(number)))


def marked_numbers() -> tuple[tuple[re.Pattern[str], str, str, str | None], ...]:
    """(pattern in a text, generic act type, ISO alpha-3, issuer) of the numbers whose mark names their
    type and state ("ПП-3666", "УП-5415", "ЗРУ-534"): a rule's ``number_re`` of the form ``^MARK-``."""
    return _marked(_read_schemes()[0])


@cache
def _marked(rules: tuple[_Rule, ...]) -> tuple[tuple[re.Pattern[str], str, str, str | None], ...]:
    marked = []
    for rule in rules:
        pattern = rule.number.pattern if rule.number else ""
        if pattern.startswith("^") and pattern.endswith("-"):
            # a serial of two to five digits after the mark, as these states number their acts (the
            # character before the mark is checked by the reader: a pattern that opens with its
            # literal mark is scanned fast)
            text_pattern = re.compile(rf"{pattern[1:]}\d{{2,5}}(?![\w-])")
            marked.append((text_pattern, rule.generic, rule.state, rule.issued_by))
    return tuple(marked)


def type_from_schemes(head: str, issuer: str | None, number: str | None,
                      jurisdiction: str | None) -> tuple[str, str] | None:
    """(generic act type, ISO alpha-3) of the scheme's type the citation matches, or None."""
    head = re.sub(r"\s+", " ", head)
    issuer = re.sub(r"\s+", " ", issuer or "")
    for rule in _read_schemes()[0]:
        # a citation that names no state: a type of one state only, or a number whose mark is that
        # state's ("№ ПП-3666" is Uzbek)
        if rule.state != jurisdiction and not (jurisdiction is None and (rule.only_here or (
                rule.number and number and rule.number.search(number)))):
            continue
        if _matches(rule, head, issuer, number or ""):
            return rule.generic, rule.state
    return None
