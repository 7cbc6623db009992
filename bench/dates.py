"""Dates stage benchmark: Duckling Time_AR share right, and extract_dates throughput.

marsad is scored under both direction policies: "news" (the default: a weekday or month
named alone is the latest one) and "future" (Duckling's convention: the coming one).

Run: ``python bench/dates.py [N_ARTICLES]``. The baseline is dateparser's Arabic search
(``dateparser.search.search_dates``) in the same run, on the same rows and articles.
dateparser returns datetimes without a precision, so it is compared at the grain the
corpus row gives, which favours it.
"""

from __future__ import annotations

import json
import re
import sys
import time
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from marsad.dates import DateMatch, Policy, extract_dates, find_dates
from marsad.model import Article, Document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
REFERENCE = datetime(2013, 2, 12, 4, 30)
_TUPLE = re.compile(r"\((\d+), (\d+), (\d+), (\d+), (\d+), (\d+)\)")
# dateparser is about two orders of magnitude slower; it gets a slice of the articles.
BASELINE_SHARE = 10
_UNIT = {"Day": timedelta(days=1), "Week": timedelta(weeks=1), "Hour": timedelta(hours=1)}
# Grains compared by the full datetime; coarser ones by date, month or year.
TIME_GRAINS = ("Hour", "Minute", "Second")


def at(moment: datetime, grain: str) -> str:
    if grain == "Year":
        return f"{moment.year:04d}"
    if grain == "Month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if grain in ("Hour", "Minute"):
        return moment.strftime("%Y-%m-%dT%H:%M")
    if grain == "Second":
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return moment.date().isoformat()


def duckling_row(row: dict[str, object]) -> tuple[str, str, str | None]:
    """(kind, grain, value) of one Time_AR row, the value written as ``rendered`` writes ours.

    ``kind`` is Duckling's ("datetime", "datetimeHoliday", "datetimeInterval", ...), or
    "negative" (grain "none", no value) for a row that names no time. An interval's value is
    "first/last": Duckling's exclusive end less one unit.
    """
    if row.get("negative"):
        return "negative", "none", None
    text = str(row["expected"])
    moments = [datetime(*(int(x) for x in t)) for t in _TUPLE.findall(text)]
    grain = text.split(")")[-1].split()[0]
    kind = text.split()[0]
    if kind.startswith("datetimeInterval"):
        last = moments[1] - _UNIT.get(grain, timedelta(seconds=1))
        return kind, grain, f"{at(moments[0], grain)}/{at(last, grain)}"
    return kind, grain, at(moments[0], grain)


def expected(row: dict[str, object]) -> tuple[str, str, str | None]:
    """(category, grain, value) of one Duckling row; intervals are "first/last"."""
    kind, grain, value = duckling_row(row)
    category = {"datetime": "date"}.get(kind, kind)
    if grain in TIME_GRAINS and kind == "datetime":
        category = "time"
    return category, grain, value


def rendered(match: DateMatch) -> str:
    """A match as the corpus writes values: the date, "T" and the time of day when there is
    one, then "/" and the range's end for a range."""
    out = match.value + ("" if match.time is None else "T" + match.time)
    if match.until_time is not None:
        return f"{out}/{match.value}T{match.until_time}"
    return out + ("" if match.until is None else "/" + match.until)


def marsad_value(text: str, policy: Policy) -> str | None:
    """The longest expression marsad finds in ``text``, rendered; None when it finds none."""
    found = find_dates(text, REFERENCE.date(), policy=policy)
    return rendered(max(found, key=lambda d: d.end - d.start)) if found else None


def dateparser_value(text: str, grain: str) -> str | None:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": REFERENCE})
    return at(found[0][1], grain) if found else None


def duckling() -> None:
    rows = [
        json.loads(line)
        for line in (SHARED / "duckling_arabic" / "Time_AR.jsonl").read_text().splitlines()
    ]
    names = ("news", "future", "dateparser")
    right: dict[str, dict[str, int]] = {n: defaultdict(int) for n in names}
    total: dict[str, int] = defaultdict(int)
    for row in rows:
        category, grain, value = expected(row)
        key = f"{category}/{grain}"
        for k in (key, "all"):
            total[k] += 1
        got = {
            "news": marsad_value(str(row["text"]), "news"),
            "future": marsad_value(str(row["text"]), "future"),
            "dateparser": dateparser_value(str(row["text"]), grain),
        }
        for name in names:
            if got[name] == value:
                right[name][key] += 1
                right[name]["all"] += 1
    print("Duckling Time_AR (reference 2013-02-12 04:30), share right")
    print("times by the full datetime, intervals by both ends (dateparser: one datetime)")
    print(f"{'category/grain':28} {'rows':>5} {'news':>7} {'future':>7} {'dateparser':>11}")
    for key in sorted(total):
        n = total[key]
        widths = (7, 7, 11)
        shares = " ".join(f"{right[x][key] / n:{w}.3f}" for x, w in zip(names, widths, strict=True))
        print(f"{key:28} {n:5d} {shares}")


def snn_articles(limit: int) -> list[Article]:
    out: list[Article] = []
    for path in sorted((SHARED / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for i, item in enumerate(json.loads(z.read(name))):
                    stamp = str(item.get("date_extracted", ""))
                    out.append(
                        Article(
                            id=f"{path.stem}-{i}",
                            source=str(item.get("url", "")),
                            text=str(item.get("content", "")),
                            published=stamp,
                        )
                    )
                    if len(out) >= limit:
                        return out
    return out


def timed(articles: list[Article], fn: Callable[[Article], int]) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(fn(a) for a in articles)
    return len(articles) / (time.perf_counter() - start), found


def marsad_count(article: Article) -> int:
    doc = Document(article)
    extract_dates(doc)
    return len(doc.dates)


def dateparser_count(article: Article) -> int:
    from dateparser.search import search_dates

    base = datetime.combine(date.fromisoformat(str(article.published)[:10]), datetime.min.time())
    found = search_dates(article.text, languages=["ar"], settings={"RELATIVE_BASE": base})
    return len(found or [])


def throughput(limit: int) -> None:
    articles = snn_articles(limit)
    chars = sum(len(a.text) for a in articles)
    rate, found = timed(articles, marsad_count)
    print(f"\nSaudiNewsNet: {len(articles)} articles, {chars / len(articles):.0f} chars on average")
    print(
        f"marsad extract_dates: {rate:8.1f} articles/s, {found / len(articles):.2f} dates/article"
    )
    few = articles[: max(1, len(articles) // BASELINE_SHARE)]
    rate, found = timed(few, dateparser_count)
    print(
        f"dateparser search:    {rate:8.1f} articles/s, {found / len(few):.2f} dates/article"
        f" (first {len(few)} articles)"
    )


def main() -> None:
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing: clone ../shared beside the project")
    warnings.simplefilter("ignore")
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    duckling()
    throughput(limit)


if __name__ == "__main__":
    main()
