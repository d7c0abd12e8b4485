"""The pieces of the citation grammar every language shares: spacing, a quoted title, an act's
number (``No. 477-IV``, ``№ 235-V ЗРК``, ``109-ФЗ``) and a convocation number written without its
mark (``477-IV``). Patterns only; the parsers of each language build on them."""

from __future__ import annotations

import re

WS = r"[\s\u00a0]{1,12}"
OWS = r"[\s\u00a0]{0,12}"
_QUOTED = (r"(?:\"[^\"]{2,220}?\"|“[^”]{2,220}?”|«[^«»]{2,220}?(?:«[^«»]{1,80}»[^«»]{0,40})?»|"
           r"„[^“”]{2,220}?[“”]|'[^'\n]{2,160}?')")
_LETTERS = r"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# An act number: optional letter code (ҚР ДСМ-), serial, hyphenated convocation or parts, /year,
# optional ЗРК suffix.
# the end of a number's part: no letter or digit follows, but a note mark may ("№ 477-IV¹")
_PART_END = r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰])"
NUMBER = (rf"(?:(?:[{_LETTERS}]{{1,4}}[ \u00a0]){{0,2}}[{_LETTERS}]{{1,4}}-)?\d{{1,6}}"
          rf"(?:[ \t]?[-–—][ \t]?(?:[IVXLivxl1|ІХ]{{1,6}}|\d{{1,4}}){_PART_END})*(?:/\d{{1,4}})?"
          rf"(?:[ \t]?-?[ \t]?(?:ЗРК|ZRK|ҚРЗ){_PART_END})?"
          # a Russian federal law's number ends in its kind: "№ 109-ФЗ", "No. 115-FZ", "№ 1-ФКЗ"
          rf"(?:-(?:ФЗ|ФКЗ|FZ|FKZ){_PART_END})?"
          # an order (распоряжение) of a government or a prime minister: "№ 1363-р", "No. 1363-r"
          rf"(?:-[рr]{_PART_END})?")
_CONVOCATION_NUMBER = rf"\d{{1,6}}[ \t]?[-–][ \t]?(?:[IVX][IVX1]{{0,4}}|1[IVX][IVX1]{{0,3}}){_PART_END}(?!-)"
_TITLE_QUOTED = re.compile(rf"{OWS},?{OWS}(?P<title>{_QUOTED})")
