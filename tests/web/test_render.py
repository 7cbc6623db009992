"""mark_spans and figures_chart: any text, any spans -> balanced, escaped, faithful HTML."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import strip_invisible
from marsad.web.render import Point, Span, figures_chart, mark_spans

_TEXT = st.text(alphabet="ab كت\"<>&'/\u202e\u2066\n", max_size=60)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(_TEXT)
    n = len(text) + 3
    spans = draw(
        st.lists(
            st.builds(
                Span,
                start=st.integers(-2, n),
                end=st.integers(-2, n),
                kind=st.sampled_from(["ent", "quote", "claim", "date"]),
                href=st.sampled_from([None, "/entities/e1", '/x"><script>']),
                title=st.sampled_from([None, 'a"b<c>', "\u202eعنوان"]),
            ),
            max_size=6,
        )
    )
    return text, spans


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_marked_text_is_balanced_and_faithful(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    out = str(mark_spans(text, spans))
    # Only our own tags, properly nested (flat segments: never more than one level deep).
    depth = 0
    for m in re.finditer(r"<(/?)([a-z]+)", out):
        assert m.group(2) in ("a", "span")
        depth += -1 if m.group(1) else 1
        assert depth in (0, 1)
    assert depth == 0
    assert "\u202e" not in out and "\u2066" not in out
    # Stripping our tags and unescaping gives back the text, minus invisible controls.
    plain = html.unescape(re.sub(r"<[^>]*>", "", out))
    assert strip_invisible(plain) == strip_invisible(text)


def test_overlapping_spans_share_one_segment() -> None:
    out = str(mark_spans("abcdef", [Span(0, 4, "quote"), Span(2, 6, "ent", href="/e")]))
    assert out == (
        '<span class="quote">ab</span><a href="/e" class="ent quote">cd</a>'
        '<a href="/e" class="ent">ef</a>'
    )


def test_chart_needs_two_dated_points_and_escapes_labels() -> None:
    assert str(figures_chart([Point("2024-01-01", 1, "x")], "t")) == ""
    assert str(figures_chart([Point("no date", 1, "x"), Point("2024-01-01", 2, "y")], "t")) == ""
    svg = str(
        figures_chart(
            [Point("2024-01-03", 5, "<b>a</b>"), Point("2024-01-01T08:00", 5, "b")], "<i>t</i>"
        )
    )
    assert svg.startswith("<svg") and svg.count("<circle") == 2
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "<i>" not in svg
    assert "style=" not in svg
    # right to left: the earlier point is further right
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert xs[0] > xs[1]
