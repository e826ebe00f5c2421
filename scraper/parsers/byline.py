"""Who wrote an article and where it came from: the byline and the source line.

A byline credits people ("Bài và ảnh: P.T.Thủy", "Bài: T.T.B; Ảnh: L.V.H"), or is
a bare name set apart as the body's last paragraph (bold, right-aligned). A source
("Nguồn: Báo Long An", "Theo TTXVN") credits a publication and is never an author.
Names are kept whole, as written: initials with a given name are one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scraper.parsers import site
from scraper.parsers.document import Line

# How far from the end of the body a byline or source line may sit (the other is below it).
TAIL_LINES = 3
_ALIGN_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_BOLD = {"b", "strong"}
_PARENTHESES = re.compile(r"\([^)]*\)")


@dataclass
class Credit:
    """The byline as on the page, the authors it names, the source it cites, and which evidence gave them."""

    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    evidence: str | None = None


def source_of(text: str) -> str | None:
    """The publication a source line cites, or None when ``text`` is no source line."""
    m = site.SOURCE_LINE.match(text)
    if not m or len(text.split()) > site.SOURCE_MAX_WORDS:
        return None
    return m.group("source").strip().rstrip(".") or None


def authors(byline: str | None) -> list[str]:
    """The people a byline credits, each name whole ("P.T.Thủy", "Minh Anh"), first credit first."""
    if not byline:
        return []
    names: list[str] = []
    for part in site.BYLINE_PARTS.split(byline.strip()):
        m = site.BYLINE.match(part)
        who = m.group("who") if m else part
        for name in site.NAME_SEPARATORS.split(who):
            name = name.strip().rstrip(".").strip()
            if name and name not in names:
                names.append(name)
    return names


def _names_people(byline: str) -> bool:
    """Every credited name is capitalised word by word: "Ảnh: Các đại biểu dự hội nghị" is a caption."""
    names = authors(_PARENTHESES.sub("", byline))
    return bool(names) and all(w[0].isupper() or w[0].isdigit() for name in names for w in name.split())


def _is_name(text: str) -> bool:
    """Short runs of capitalised words or initials ("P.T.Thủy", "Minh Anh - Hữu Lộc"), nothing else."""
    if not 0 < len(text) <= site.NAME_ALONE_CHARS:
        return False
    for name in site.NAME_SEPARATORS.split(text):
        words = name.replace(".", ". ").split()
        if not words or len(words) > 6 or not all(_name_word(w.rstrip(".")) for w in words):
            return False
    return True


def _name_word(word: str) -> bool:
    """ "Thủy", "T": a capital, then small letters; "KẾT" (a heading in capitals) is no name."""
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _set_apart(line: Line) -> bool:
    """Bold, right-aligned, or marked as the author by its markup: how pages set a bare name apart."""
    elements = [line.element, *line.element.iterdescendants()]
    for el in elements:
        tag = el.tag if isinstance(el.tag, str) else ""
        right = (el.get("align") or "").lower() == "right" or bool(_ALIGN_RIGHT.search(el.get("style") or ""))
        marks = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop"))
        if tag in _BOLD or right or site.AUTHOR_MARKUP.search(marks):
            return True
    return False


def _bare_name(line: Line) -> bool:
    text = line.text.strip()
    if not _is_name(text):
        return False
    initials = bool(re.match(r"^(?:\w\.\s?)+\w+\.?$", text))
    return initials or _set_apart(line)


def credit_line(line: Line, last: bool) -> tuple[str, str] | None:
    """("author"|"source", evidence) when ``line`` is a byline or a source line; a bare name only ``last``.

    ``last``: nothing but credits follows the line, so a bare name there ends the text.
    """
    text = line.text.strip()
    if not text or line.is_link:
        return None
    m = site.BYLINE.match(text)
    if m and _names_people(text):
        return "author", "byline:" + " ".join(m.group("label").split())
    if source_of(text):
        return "source", "source-line"
    if last and _bare_name(line):
        return "author", "byline:name-alone"
    return None


def split_credits(lines: list[Line]) -> tuple[list[Line], Credit]:
    """The body without its byline and source lines, and what they credit."""
    credit = Credit()
    kept = list(lines)
    texts = [i for i, line in enumerate(kept) if line.text.strip()]
    removed: list[int] = []
    for i in reversed(texts[-TAIL_LINES:]):
        found = credit_line(kept[i], last=True)  # below it are only credits: it ends the text
        if found is None:
            break
        take(credit, kept[i].text.strip(), found)
        removed.append(i)
    return [line for i, line in enumerate(kept) if i not in removed], credit


def take(credit: Credit, text: str, found: tuple[str, str]) -> None:
    """Record one credit line: the first author line found wins the byline, the source keeps its own field."""
    what, evidence = found
    if what == "source":
        credit.source = credit.source or source_of(text)
        credit.byline = credit.byline or text
        return
    if credit.authors:
        return
    credit.byline, credit.authors, credit.evidence = text, authors(text), evidence
