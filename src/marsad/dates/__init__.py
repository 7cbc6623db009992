"""Date expressions in Arabic news, normalised with the precision they were written in.

``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: "يونيو 2024" is ``2024-06``, never a
made-up first day. Relative expressions (أمس، الشهر الماضي، قبل ثلاثة أيام) are resolved
against the article's publication date and skipped when it is unknown. Clock times and
the last day of a range are kept on ``DateMatch`` (``time``, ``until``). How months and
weekdays without a year, weeks and Hijri dates are resolved is written down in
``marsad.dates._find``; the vocabulary is in ``dates/data/*.tsv``.
"""

from __future__ import annotations

from datetime import date, datetime

from marsad.dates._event import event_clauses
from marsad.dates._find import DateMatch, Policy, find_dates, resolve, search
from marsad.dates._hijri import gregorian_to_hijri, hijri_to_gregorian
from marsad.dates._tables import vocabulary
from marsad.model import DateRef, Document
from marsad.text import normalize_with_map

__all__ = [
    "DateMatch",
    "Policy",
    "extract_dates",
    "find_dates",
    "gregorian_to_hijri",
    "hijri_to_gregorian",
    "month_and_weekday_names",
    "parse_published",
    "resolve",
]


def parse_published(published: str | None) -> date | None:
    """The calendar day of an ISO publication stamp, or None when it is not one."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip()).date()
    except ValueError:
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None


def month_and_weekday_names() -> frozenset[str]:
    """Normalised month and weekday names: words other stages may have taken for names."""
    v = vocabulary()
    return frozenset(v.months) | frozenset(v.weekdays) | frozenset(v.bare_weekdays)


def _inside_name(match: DateMatch, names: list[tuple[int, int]]) -> bool:
    return any(start <= match.start and match.end <= end for start, end in names)


def extract_dates(doc: Document) -> None:
    """Fill ``doc.dates`` with every date expression in the article body, in text order.

    Expressions inside a named-entity mention (a surname الخميس, the paper اليوم السابع)
    are names, not dates, so they are dropped when entities ran first. Values stay at day
    precision (the export schema): a clock time is dropped, a clock time with no date is
    not stored, and a range (من 13 إلى 15 يوليو) gives one DateRef per end, both on the
    range's span.
    """
    text = doc.article.text
    reference = parse_published(doc.article.published)
    names = [(m.start, m.end) for m in doc.mentions]
    mapped = normalize_with_map(text)
    matches = [
        m for m in search(text, mapped, reference) if not m.time_only and not _inside_name(m, names)
    ]
    events = event_clauses(text, mapped, [(m.start, m.end) for m in matches])
    doc.dates = [
        DateRef(doc.id, m.expression, value, m.start, m.end, event)
        for m, event in zip(matches, events, strict=True)
        for value in ((m.value,) if m.until is None else (m.value, m.until))
    ]
