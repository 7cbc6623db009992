"""HTML to main text plus page metadata, via trafilatura (settings chosen by
bench/html_extraction.py), with a plain visible-text reader for feed and JSON fragments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Document

from marsad.errors import InputError

# Tags whose text is never visible, and tags that end a line when rendered.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "pre",
        "dd",
        "dt",
        "figcaption",
        "hr",
        "title",
        "aside",
        "nav",
        "form",
    }
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_TAG_START = re.compile(r"<\s*(!doctype|html|head|body)\b", re.IGNORECASE)
_BLOCK_START = re.compile(r"<(p|div|article|section|span|h[1-6]|ul|ol|table|figure)\b", re.I)
_CLOSING = re.compile(r"</\s*(body|html)\s*>", re.IGNORECASE)
_OPEN_TAG_AT_END = re.compile(r"<[^>]*\Z")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
# trafilatura settings: bench/html_extraction.py --variants scored favor_precision best on
# the Zyte benchmark (mean token F1 0.965 vs 0.959 default, 0.959 favor_recall) and equal
# to the default on the CNN Arabic page (0.914; favor_recall drops to 0.870).
EXTRACTION_OPTIONS: Mapping[str, bool] = {"favor_precision": True}
# Without extensive search htmldate leaves the date empty instead of guessing "2013-01-01"
# from a copyright line (CNN Arabic smoke page); a wrong reference date would mislead
# every relative date resolved against it, a missing one does not.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class Page:
    """What one HTML page gave: main text and whatever metadata it declared."""

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str | None


def looks_like_html(text: str) -> bool:
    """Starts with markup and is a page or a block fragment (prose that merely mentions
    ``<html>`` further on stays prose)."""
    head = text[:2048].lstrip()
    return head.startswith("<") and bool(_TAG_START.search(head) or _BLOCK_START.match(head))


def looks_truncated(html: str) -> bool:
    """No closing body/html tag, or the file stops inside a tag."""
    tail = html[-4096:]
    return not _CLOSING.search(tail) or bool(_OPEN_TAG_AT_END.search(tail))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def visible_text(html: str) -> str:
    """All visible text, one line per block element: the naive reader for fragments."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return _tidy("".join(parts))


def extract_page(
    html: str, source: str, url: str | None = None, options: Mapping[str, bool] | None = None
) -> Page:
    """Main text and metadata of a full page; raises ``truncated``/``empty`` when none.

    ``options`` overrides :data:`EXTRACTION_OPTIONS` (bench/html_extraction.py compares them).
    """
    chosen = EXTRACTION_OPTIONS if options is None else options
    doc = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
        favor_precision=chosen.get("favor_precision", False),
        favor_recall=chosen.get("favor_recall", False),
        fast=chosen.get("fast", False),
    )
    text = _tidy(doc.text or "") if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or not text:
        if looks_truncated(html):
            raise InputError(source, "truncated", "HTML is cut off and has no usable text")
        raise InputError(source, "empty", "HTML page has no main text")
    return Page(
        text=text,
        title=doc.title or None,
        published=doc.date or None,
        outlet=doc.sitename or None,
        url=doc.url or url,
        language=_language(html),
    )


def _language(html: str) -> str | None:
    """Primary language subtag of ``<html lang>``, e.g. "ar" from "ar-EG"."""
    m = _HTML_LANG.search(html[:4096])
    return m[1].lower() if m else None
