"""Text-level readers: one decoded file in, RawDocuments (or one InputError per bad item) out.

Containers of several articles (JSON, JSONL, feeds, TREC) are checked for mojibake item by
item, so one mangled record does not cost the whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from itertools import islice
from time import struct_time
from typing import Any

import feedparser

from marsad.errors import InputError
from marsad.ingest._tables import field_aliases
from marsad.ingest.encoding import repair_mojibake
from marsad.ingest.pages import extract_page, looks_like_html, visible_text
from marsad.model import RawDocument

Item = RawDocument | InputError

_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_TREC_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|\Z)", re.DOTALL)
_TREC_FIELD = re.compile(r"<([A-Z]+)>(.*?)</\1>", re.DOTALL)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)\b")
_LINE = re.compile(r"[^\n]+")
_JSON_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_UTF8_XML = {"content-type": "application/xml; charset=utf-8"}
# Lines of a JSONL sample that must parse before a text with no telling extension is read
# as JSONL; two lines rule out a plain text that merely starts with "{".
_JSONL_SNIFF_LINES = 2


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from the date shapes seen in feeds, corpora and page metadata."""
    if isinstance(value, struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_DATE.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def sniff(text: str) -> str:
    """Format of a text whose name did not tell: trec, feed, html, json, jsonl or text."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<DOC>"):
        return "trec"
    if _FEED_ROOT.search(head[:1024]) and not looks_like_html(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    if head[:1] == "[":
        return "json"
    if head[:1] == "{":
        nonblank = (m[0] for m in _LINE.finditer(text) if m[0].strip())
        lines = list(islice(nonblank, _JSONL_SNIFF_LINES))
        try:
            for ln in lines:
                json.loads(ln)
        except ValueError:
            return "json"
        return "jsonl" if len(lines) > 1 else "json"
    return "text"


def _checked(doc: RawDocument) -> Item:
    """Mojibake check and emptiness check on one finished item."""
    try:
        doc.text = repair_mojibake(normalize_newlines(doc.text), doc.source)
        if doc.title:
            doc.title = repair_mojibake(doc.title.strip(), doc.source) or None
    except InputError as err:
        return err
    if not doc.text:
        return InputError(doc.source, "empty", "item has no text")
    return doc


def read_text(text: str, source: str) -> Iterator[Item]:
    yield _checked(RawDocument(source=source, text=text, format="text"))


def read_html(text: str, source: str, url: str | None = None) -> Iterator[Item]:
    try:
        page = extract_page(text, source, url)
    except InputError as err:
        yield err
        return
    doc = RawDocument(
        source=source,
        text=page.text,
        format="html",
        title=page.title,
        outlet=page.outlet,
        url=page.url,
        published=iso_date(page.published),
        language=page.language,
    )
    yield _checked(doc)


def _first(obj: dict[str, Any], keys: list[str]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_name(value: Any) -> str | None:
    """A plain string from a field that may be nested (NewsAPI's ``{"name": ...}``)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if value is None:
        return None
    return str(value).strip() or None


def _as_text(value: Any) -> str:
    """Body text; a list of paragraphs becomes one line each."""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def _from_object(obj: Any, source: str, fmt: str) -> Item:
    """Map one JSON object with any of the known field names onto a RawDocument."""
    if not isinstance(obj, dict):
        return InputError(source, "format", f"expected a JSON object, got {type(obj).__name__}")
    aliases = field_aliases()
    url = _as_name(_first(obj, aliases["url"]))
    text = _first(obj, aliases["text"])
    html = _first(obj, aliases["html"])
    title = _as_name(_first(obj, aliases["title"]))
    published = _first(obj, aliases["published"])
    if text is None and html is None:
        has_key = any(k in obj for k in aliases["text"] + aliases["html"])
        reason = "empty" if has_key else "format"
        return InputError(source, reason, "object has no text, content or html field")
    extra = {k: obj[k] for k in aliases["extra"] if obj.get(k) not in (None, "", [])}
    if text is None:
        try:
            page = extract_page(str(html), source, url)
        except InputError as err:
            fallback = visible_text(str(html))
            if not fallback:
                return err
            page_text, page_title, page_date = fallback, None, None
        else:
            page_text, page_title, page_date = page.text, page.title, page.published
        text, title = page_text, title or page_title
        published = published or page_date
    text = _as_text(text)
    if looks_like_html(text):
        text = visible_text(text)
    if published is not None and iso_date(published) is None:
        extra["published_raw"] = published
    return _checked(
        RawDocument(
            source=source,
            text=text,
            format=fmt,
            title=title,
            outlet=_as_name(_first(obj, aliases["outlet"])),
            url=url,
            published=iso_date(published),
            language=_as_name(_first(obj, aliases["language"])),
            extra=extra,
        )
    )


def _iter_array(text: str, start: int, source: str) -> Iterator[Item]:
    """Objects of a JSON array one at a time, so a 3,000-article day never sits decoded whole."""
    idx = start + 1
    n = 0
    while True:
        idx = _JSON_WS.match(text, idx).end()  # type: ignore[union-attr]
        if text.startswith("]", idx):
            return
        n += 1
        try:
            obj, idx = _DECODER.raw_decode(text, idx)
        except json.JSONDecodeError as exc:
            yield InputError(f"{source}#{n}", "format", f"broken JSON from item {n} on: {exc}")
            return
        yield _from_object(obj, f"{source}#{n}", "json")
        idx = _JSON_WS.match(text, idx).end()  # type: ignore[union-attr]
        if text.startswith(",", idx):
            idx += 1
        elif not text.startswith("]", idx):
            yield InputError(source, "format", f"JSON array broken after item {n}")
            return


def read_json(text: str, source: str) -> Iterator[Item]:
    start = _JSON_WS.match(text).end()  # type: ignore[union-attr]
    if text.startswith("[", start):
        yield from _iter_array(text, start, source)
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and "\n" in text[: exc.pos]:
            yield from read_jsonl(text, source)  # JSON Lines saved as .json
        else:
            yield InputError(source, "format", f"not valid JSON: {exc}")
        return
    if isinstance(obj, dict):
        inner = _first(obj, field_aliases()["containers"])
        if isinstance(inner, list) and not any(k in obj for k in field_aliases()["text"]):
            for n, item in enumerate(inner, 1):
                yield _from_object(item, f"{source}#{n}", "json")
            return
    yield _from_object(obj, source, "json")


def read_jsonl(text: str, source: str) -> Iterator[Item]:
    # Split on "\n" only: str.splitlines() would also break inside strings at U+2028,
    # U+0085 and friends, which JSON Lines written with ensure_ascii=False may contain.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{source}#{lineno}", "format", f"line {lineno} is not JSON: {exc}")
            continue
        yield _from_object(obj, f"{source}#{lineno}", "jsonl")


def _entry_text(entry: Any) -> str:
    content = entry.get("content")
    body = content[0].get("value", "") if content else entry.get("summary", "")
    return visible_text(body) if looks_like_html(body) or "<" in body else body


def read_feed(text: str, source: str) -> Iterator[Item]:
    # Bytes plus a charset header: a str could be taken for a URL or file name, and the
    # header overrides an XML declaration that named the encoding the text came in.
    parsed = feedparser.parse(text.encode("utf-8"), response_headers=_UTF8_XML)
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no entries")
        yield InputError(source, "format", f"not a readable RSS/Atom feed: {detail}")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield _checked(
            RawDocument(
                source=f"{source}#{n}",
                text=_entry_text(entry),
                format="feed",
                title=entry.get("title") or None,
                outlet=outlet,
                url=entry.get("link") or None,
                published=iso_date(published) or iso_date(entry.get("published")),
                language=parsed.feed.get("language") or None,
                extra={"author": entry["author"]} if entry.get("author") else {},
            )
        )


def read_trec(text: str, source: str) -> Iterator[Item]:
    """TREC-style ``<DOC>`` records as the ANT corpus ships them."""
    docs = _TREC_DOC.findall(text)
    for n, body in enumerate(docs, 1):
        src = source if len(docs) == 1 else f"{source}#{n}"
        fields = {tag: value.strip() for tag, value in _TREC_FIELD.findall(body)}
        if "TEXT" not in fields:
            reason = "truncated" if "</DOC>" not in text else "format"
            yield InputError(src, reason, "<DOC> record without a closed <TEXT> field")
            continue
        extra: dict[str, Any] = {
            key: fields[tag]
            for tag, key in (
                ("DOCNO", "docno"),
                ("CAT", "category"),
                ("AUTHOR", "author"),
                ("ABSTRACT", "abstract"),
            )
            if fields.get(tag)
        }
        yield _checked(
            RawDocument(
                source=src,
                text=fields["TEXT"],
                format="trec",
                title=fields.get("TITLE") or None,
                outlet=fields.get("SRC") or None,
                url=fields.get("URL") or None,
                published=iso_date(fields.get("TIME")),
                extra=extra,
            )
        )


READERS = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "trec": read_trec,
}
