"""Safe HTML pieces built in code: marked-up article text and the figures chart (inline SVG).

Article text is untrusted. Every character of it passes through ``markupsafe.escape``; bidi
controls are dropped so a U+202E cannot flip the page; overlapping spans are rendered as flat
segments (each carrying the classes of every span covering it), so they can never produce
crossed tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from markupsafe import Markup, escape

from marsad.text import strip_invisible


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    href: str | None = None
    title: str | None = None


def safe_text(text: str) -> Markup:
    """Escaped text with invisible and bidi control characters removed."""
    return escape(strip_invisible(text))


def mark_spans(text: str, spans: Sequence[Span]) -> Markup:
    """``text`` with each stretch covered by spans wrapped once, in all their classes.

    Spans outside the text or empty are ignored. A covered stretch links to the first span's
    ``href`` that has one (entity pages), so overlaps keep one link per stretch.
    """
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end and s.start < n]
    cuts = sorted({0, n, *(s.start for s in valid), *(min(s.end, n) for s in valid)})
    out: list[str] = []
    for a, b in pairwise(cuts):
        piece = safe_text(text[a:b])
        active = [s for s in valid if s.start <= a and min(s.end, n) >= b]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({s.kind for s in active}))
        title = next((s.title for s in active if s.title), None)
        href = next((s.href for s in active if s.href), None)
        attrs = f' class="{escape(classes)}"'
        if title:
            attrs += f' title="{escape(strip_invisible(title))}"'
        if href:
            out.append(f'<a href="{escape(href)}"{attrs}>{piece}</a>')
        else:
            out.append(f"<span{attrs}>{piece}</span>")
    return Markup("".join(out))


@dataclass(frozen=True)
class Point:
    when: str
    value: float
    label: str


# Chart geometry in SVG user units; the SVG scales to the column width (viewBox).
_W, _H = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 70, 20, 20, 40


def _day(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value[:19]).date()
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def figures_chart(points: Sequence[Point], title: str) -> Markup:
    """Inline SVG of figures over time (x: day, y: value); empty when fewer than two points.

    Presentation attributes only, no ``style``: the page's CSP forbids inline styles.
    """
    dated = sorted(
        ((d, p) for p in points if (d := _day(p.when)) is not None), key=lambda dp: dp[0]
    )
    if len(dated) < 2:
        return Markup("")
    days = [d for d, _ in dated]
    values = [p.value for _, p in dated]
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    span_days = max(1, (days[-1] - days[0]).days)
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(d: date) -> float:
        # Right to left: time runs the way the page reads.
        return _W - _RIGHT - (d - days[0]).days / span_days * plot_w

    def y(v: float) -> float:
        return _TOP + (hi - v) / (hi - lo) * plot_h

    coords = [(x(d), y(p.value)) for d, p in dated]
    parts = [
        f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" direction="ltr" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(strip_invisible(title))}">',
        f"<title>{escape(strip_invisible(title))}</title>",
        f'<line x1="{_LEFT}" y1="{_H - _BOTTOM}" x2="{_W - _RIGHT}" y2="{_H - _BOTTOM}" '
        'stroke="#888"/>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_H - _BOTTOM}" stroke="#888"/>',
    ]
    for v in (lo, hi):
        parts.append(
            f'<text x="{_LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#444">{escape(_fmt(v))}</text>'
        )
    # Earliest day at the right edge, latest at the left; anchored to stay inside the box.
    for d, anchor in ((days[0], "end"), (days[-1], "start")):
        parts.append(
            f'<text x="{x(d):.1f}" y="{_H - _BOTTOM + 18}" text-anchor="{anchor}" '
            f'font-size="12" fill="#444">{d.isoformat()}</text>'
        )
    path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
    parts.append(f'<polyline points="{path}" fill="none" stroke="#1f5f8b" stroke-width="2"/>')
    for (cx, cy), (d, p) in zip(coords, dated, strict=True):
        tip = f"{p.label}: {_fmt(p.value)} ({d.isoformat()})"
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="#c0392b">'
            f"<title>{escape(strip_invisible(tip))}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
