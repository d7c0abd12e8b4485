"""News feeds and other XML (RSS, Atom) as running text, offsets unchanged.

One public entry: ``plain_feed(text)``. In an XML document (``<?xml``, ``<rss``, ``<feed``, or a part
with an item's or an entry's end tag, as a later window of a long feed is) every tag
and CDATA mark becomes spaces, and the end of an element that holds a title, a date or an item's
text ends a sentence (a full stop in place of the end tag's first character, unless the text ends
in one): a feed item's date then no longer dates the next item's prose, nor its title the text.
Every replacement keeps the length.
"""

from __future__ import annotations

import re

# an XML feed, or a window of one (the text is read in windows): its declaration or its elements
_XML = re.compile(r"\A\s*<(?:\?xml|rss\b|feed\b)|</(?:item|entry|channel)>", re.IGNORECASE)
_TAG = re.compile(r"<!\[CDATA\[|\]\]>|<[^<>\n]{1,300}>")
_BLOCK_END = re.compile(r"</(?:title|pubDate|updated|published|guid|link|id|description|summary|content|"
                        r"p|item|entry|lastBuildDate|author|category)>", re.IGNORECASE)


def plain_feed(text: str) -> str:
    """``text`` with the markup of an XML feed blanked and its elements' ends made sentence ends."""
    if not _XML.search(text):
        return text
    out = []
    position = 0
    last = ""                                   # the last character of text kept so far
    for tag in _TAG.finditer(text):
        between = text[position:tag.start()]
        out.append(between)
        last = between.rstrip()[-1:] or last
        if _BLOCK_END.fullmatch(tag.group()) and last and last not in ".!?":
            out.append("." + " " * (len(tag.group()) - 1))
            last = "."
        else:
            out.append(" " * len(tag.group()))
        position = tag.end()
    out.append(text[position:])
    return "".join(out)
