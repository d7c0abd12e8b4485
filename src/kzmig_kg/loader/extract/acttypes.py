"""What kind of act a citation names, and who issued it.

``classify(head, issuer)`` maps the head of a citation (``Law``, ``Joint Decree``,
``Постановление``, ``Заңы`` ...) and its issuer (``of the Government of the Republic of
Kazakhstan``) to one of the project's act types (the keys of ``kinds/acts.py`` ``ACT_TYPES``);
``issuer_of(text)`` names the issuer in English, with the project's organisation ids where the
body is one the graph knows, and the jurisdiction (ISO alpha-3) the issuer text states.

In Kazakh legal English "decree" translates both ``постановление`` (of the Government: a
resolution) and ``приказ`` (of a minister: an order) and ``указ`` (of the President), so the
issuer decides.
"""

from __future__ import annotations

import re

from .schemes import state_names

_PRESIDENT = (r"president|президент|prezident|глав\w+\s+государства|head\s+of\s+(?:the\s+)?state|"
              r"мемлекет\s+басшы")
# (pattern on the issuer text, English name, project organisation id or None)
ISSUERS: tuple[tuple[str, str, str | None], ...] = (
    # (Kyrgyz "Министрлер Кабинети", Uzbek "Вазирлар Маҳкамаси")
    (r"cabinet\s+of\s+ministers|кабинет\w*\s+министров|министрлер\s+кабинет|вазирлар\s+маҳкама|"
     r"vazirlar\s+mahkama", "Cabinet of Ministers", "cabinet-of-ministers"),
    (r"supreme\s+(?:council|soviet)|верховн\w+\s+совет", "Supreme Council", "supreme-council"),
    (r"chief\s+state\s+sanitary\s+doctor|главн\w+\s+государственн\w+\s+санитарн\w+\s+врач",
     "Chief State Sanitary Doctor", "chief-state-sanitary-doctor"),
    # the ministries' abbreviations too: МВД, МИД, МТСЗН (MIA, MFA, MLSPP)
    (r"internal\s+affairs|внутренних\s+дел|ішкі\s+істер|(?<![\w])(?:мвд|mia|іім)(?![\w])",
     "Minister of Internal Affairs",
     "ministry-of-internal-affairs"),
    (r"foreign\s+affairs|иностранных\s+дел|сыртқы\s+істер|(?<![\w])(?:мид|mfa|сім)(?![\w])",
     "Minister of Foreign Affairs",
     "ministry-of-foreign-affairs"),
    (r"labou?r\s+and\s+social\s+protection|труда\s+и\s+социальной\s+защиты|еңбек\s+және|"
     r"(?<![\w])(?:мтсзн|mlspp|mlsp|ехәқм)(?![\w])",
     "Minister of Labour and Social Protection of Population", "ministry-of-labour-social-protection"),
    (r"national\s+economy|национальной\s+экономики|ұлттық\s+экономика",
     "Minister of National Economy", "ministry-of-national-economy"),
    (r"national\s+security|национальной\s+безопасности|ұлттық\s+қауіпсіздік",
     "National Security Committee", "national-security-committee"),
    (r"border\s+service|пограничн\w+\s+служб", "Border Service", "border-service"),
    (r"minist\w+\s+of\s+labou?r|министр\w*\s+труда", "Minister of Labour", "ministry-of-labour"),
    (r"health(?:care)?\b|здравоохранени|денсаулық", "Minister of Health", None),
    (r"justice|юстиции|әділет", "Minister of Justice", None),
    (r"education|образования|білім", "Minister of Education", None),
    (r"finance|финансов|қаржы", "Minister of Finance", None),
    (r"digital\s+development|цифрового\s+развития", "Minister of Digital Development", None),
    (r"prime\s+minister|премьер-министр", "Prime Minister", None),
    (r"national\s+bank|национальн\w+\s+банк", "National Bank", None),
    (r"prosecutor|прокурор", "Prosecutor General", None),
    (r"constitutional\s+court|конституционн\w+\s+суд|конституциялық\s+сот", "Constitutional Court", None),
    (r"constitutional\s+council|конституционн\w+\s+совет|конституциялық\s+кеңес",
     "Constitutional Council", None),
    (r"supreme\s+court|верховн\w+\s+суд|жоғарғы\s+сот", "Supreme Court", None),
    # the bodies of the Eurasian Economic Union: its acts are the Union's, of no state
    (r"высш\w+\s+евразийск\w+\s+экономическ\w+\s+совет|supreme\s+eurasian\s+economic\s+council",
     "Supreme Eurasian Economic Council", None),
    (r"евразийск\w+\s+межправительственн\w+\s+совет|eurasian\s+intergovernmental\s+council",
     "Eurasian Intergovernmental Council", None),
    (r"совет\w*\s+(?:евразийской\s+экономической\s+комиссии|еэк)|council\s+of\s+the\s+(?:eurasian\s+"
     r"economic\s+commission|eec)", "Council of the Eurasian Economic Commission", None),
    (r"коллеги\w*\s+(?:евразийской\s+экономической\s+комиссии|еэк)|board\s+of\s+the\s+(?:eurasian\s+"
     r"economic\s+commission|eec)", "Board of the Eurasian Economic Commission", None),
    (r"akimat|акимат|әкімдіг", "Local executive body (akimat)", "local-executive-bodies"),
    (r"\bakim\b|(?<![\w])аким(?:а|ом)?(?![\w])|әкімінің", "Akim", None),
    (r"maslikh?at|маслихат|мәслихат", "Local representative body (maslikhat)", None),
    # (Kyrgyz "Өкмөт", Tajik "Ҳукумат")
    (r"government|правительств|үкімет|өкмөт|ҳукумат", "Government", "government"),
    # "Указом Главы государства", "Мемлекет басшысының Жарлығы", "a decree of the Head of State"
    (_PRESIDENT, "President", "president"),
    (r"parliament|парламент|mazhilis|мажилис|senate|сенат", "Parliament", "parliament"),
)
JURISDICTIONS: tuple[tuple[str, str], ...] = (
    (r"republic\s+of\s+kazakhstan|\brk\b|\brok\b|kazakh\w*|республики\s+казахстан|\bрк\b|қазақстан", "KAZ"),
    (r"russian\s+federation|российской\s+федерации|\bрф\b|^federal\b", "RUS"),
    (r"kyrgyz\s+republic|кыргызской\s+республики|(?<![\w])кр(?![\w])", "KGZ"),
    (r"republic\s+of\s+uzbekistan|республики\s+узбекистан", "UZB"),
    (r"republic\s+of\s+tajikistan|республики\s+таджикистан", "TJK"),
    (r"republic\s+of\s+belarus|республики\s+беларусь", "BLR"),
    # the Eurasian Economic Union: no state, and no ISO code; its bodies' decisions are its own
    (r"евразийск\w+\s+(?:экономическ|межправительственн)|(?<![\w])(?:еэк|еаэс)(?![\w])|"
     r"eurasian\s+(?:economic|intergovernmental)|\beaeu\b|\beec\b", "EAEU"),
)


def jurisdictions() -> tuple[tuple[str, str], ...]:
    """(pattern, ISO alpha-3) of the states a citation's issuer text may name: the table above, then
    how the jurisdiction schemes say citations name their state (data/jurisdictions, cited_as)."""
    return JURISDICTIONS + state_names()
# An issuer that is only the state's name ("of the Republic of Kazakhstan", "РК").
_JURISDICTION_ONLY = re.compile(
    r"(?:^|\s*,?\s*(?:of\s+)?(?:the\s+)?)(?:Republic\s+of\s+Kazakhstan|RK|RoK|Республики\s+Казахстан|РК|"
    r"Қазақстан\s+Республикасы(?:ның)?|ҚР|"
    # a neighbour's name alone: "Закон Кыргызской Республики", "Law of the Kyrgyz Republic"
    r"Kyrgyz\s+Republic|Кыргызской\s+Республики|Russian\s+Federation|Российской\s+Федерации|РФ|КР|"
    r"Republic\s+of\s+(?:Uzbekistan|Tajikistan|Belarus)|Республики\s+(?:Узбекистан|Таджикистан|Беларусь))$",
    re.IGNORECASE)
_FORCE_OF_LAW = re.compile(r"force\s+of\s+(?:a\s+)?law|силу\s+закона|заң\s+күші", re.IGNORECASE)


def classify(head: str, issuer: str | None = None, force_of_law: bool = False) -> str | None:
    """The project act type of a citation head and issuer; None when the text does not say."""
    h = re.sub(r"\s+", " ", head).lower()
    i = re.sub(r"\s+", " ", issuer or "").lower()
    both = f"{h} {i}"
    if re.search(r"constitutional\s+law|конституционн|конституциялық", h):
        return "constitutional-law"
    if re.search(r"draft|bill|проект|жоба", h):
        return "draft-law"
    if re.search(r"\bcodes?\b|кодекс|^(?:коап|упк|гпк|[угтн]к)$", h):
        return "code"
    if re.search(r"joint|interministerial|inter-ministerial|совместн|бірлескен", h):
        return "joint-order"
    if re.search(r"\b(?:decree|edict|ukaz)|указ|жарлығы", h) and re.search(_PRESIDENT, both):
        if force_of_law or _FORCE_OF_LAW.search(both):
            return "decree-having-force-of-law"
        return "presidential-decree"
    if h == "пп":                      # "ПП РК": постановление Правительства
        return "government-resolution"
    if h == "пкм":                     # "ПКМ": постановление Кабинета Министров
        return "cabinet-resolution"
    if re.search(r"instruction|инструкци|нұсқаулық", h):
        return "instruction"
    if re.search(r"resolution|decree|decision|ordinance|постановлени|решени|қаулы|шешім", h):
        return _resolution_type(h, i, both)
    if re.search(r"\border|приказ|бұйрығы|распоряжени", h):
        return "ministerial-order"
    if re.search(r"\blaws?\b|закон|заңы", h):
        return "law"
    return None


def _resolution_type(h: str, i: str, both: str) -> str | None:
    if re.search(r"евразийск|еэк|еаэс|eurasian|\beec\b|\beaeu\b", i):
        return "eaeu-decision"        # "Решение Совета ЕЭК"
    if re.search(r"cabinet\s+of\s+ministers|кабинет", i):
        return "cabinet-resolution"
    if re.search(r"supreme\s+(?:council|soviet)|верховн\w*\s+совет", i):
        return "supreme-council-resolution"
    if re.search(r"government|правительств|үкімет", both):
        return "government-resolution"
    if re.search(r"sanitary|санитарн|главн\w+\s+государственн", i):
        return "official-resolution"
    if re.search(r"minist|министр|chairman|председател|committee|комитет|agency|агентств", i):
        return "ministerial-order"
    return None


def issuer_of(issuer: str | None) -> tuple[str | None, list[str], str | None]:
    """English issuer name(s) (joined by '; '), project organisation ids, and jurisdiction."""
    if not issuer:
        return None, [], None
    text = re.sub(r"\s+", " ", issuer).strip()
    low = text.lower()
    jurisdiction = next((code for pattern, code in jurisdictions() if re.search(pattern, low)), None)
    names: list[str] = []
    ids: list[str] = []
    for chunk in re.split(r"\s+and\s+(?:of\s+)?the\s+|\s+и\s+(?=министр|председател)", low):
        for pattern, name, org in ISSUERS:
            if re.search(pattern, chunk):
                acting = "Acting " if re.search(
                    r"\bacting\b|исполняющ|(?<!\w)[им]\.\s?[оа]\.|міндетін\s+атқарушы", chunk) else ""
                if acting + name not in names:
                    names.append(acting + name)
                    if org and org not in ids:
                        ids.append(org)
                break
    if names:
        return "; ".join(names), ids, jurisdiction
    stripped = re.sub(_JURISDICTION_ONLY, "", text).strip(" ,")
    if not stripped or any(re.fullmatch(pattern, stripped, re.IGNORECASE) for pattern, _ in state_names()):
        return None, [], jurisdiction
    return stripped, [], jurisdiction
