"""Real articles from ANT (2018) and SaudiNewsNet (2015), read from ../shared directly."""

import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from marsad.dates import extract_dates, find_dates, parse_published
from marsad.model import Article, Document

_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FIELD = re.compile(r"<(TIME|TEXT)>\s*(.*?)\s*</\1>", re.S)
# Articles read for the gates: enough for every family to occur, seconds to run.
N_ARTICLES = 400
# Dates per article measured on these articles with this version (SaudiNewsNet 5.50,
# ANT 1.98), less a margin: a drop means a family stopped matching.
MIN_DATES_PER_ARTICLE = {"saudinewsnet": 5.2, "ant": 1.8}


def snn(shared: Path, limit: int) -> Iterator[Article]:
    path = sorted((shared / "data" / "saudinewsnet").glob("*.zip"))[0]
    with zipfile.ZipFile(path) as z:
        items = json.loads(z.read(z.namelist()[0]))
    for i, item in enumerate(items[:limit]):
        yield Article(f"snn-{i}", item["url"], item["content"], published=item["date_extracted"])


def ant(shared: Path, limit: int) -> Iterator[Article]:
    with tarfile.open(shared / "data" / "ant" / "antcorpus_multisource_v2.1.tar.gz") as tar:
        n = 0
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            fields = dict(_FIELD.findall(handle.read().decode("utf-8", "replace")))
            if "TEXT" not in fields:
                continue
            stamp = parsedate_to_datetime(fields["TIME"]).date().isoformat()
            yield Article(member.name, member.name, fields["TEXT"], published=stamp)
            n += 1
            if n >= limit:
                return


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["saudinewsnet", "ant"])
def test_real_articles(shared_dir: Path, corpus: str) -> None:
    reader = snn if corpus == "saudinewsnet" else ant
    articles = list(reader(shared_dir, N_ARTICLES))
    total = 0
    for article in articles:
        doc = Document(article)
        extract_dates(doc)
        for ref in doc.dates:
            assert article.text[ref.start : ref.end] == ref.expression
            assert _VALUE.match(ref.value), ref
            assert ref.event
        total += len(doc.dates)
    assert total / len(articles) >= MIN_DATES_PER_ARTICLE[corpus]


def find_article(articles: Iterator[Article], needle: str) -> tuple[str, date | None]:
    for article in articles:
        if needle in article.text:
            i = article.text.index(needle)
            return article.text[i : i + len(needle) + 80], parse_published(article.published)
    raise AssertionError(f"no article contains {needle!r}")


@pytest.mark.parametrize(
    ("needle", "expression", "value"),
    [
        ("وفي يوم الأحد 1 مارس (آذار) 2015", "الأحد 1 مارس (آذار) 2015", "2015-03-01"),
        ("في مايو أيار الماضي", "مايو أيار الماضي", "2015-05"),
        ("في 14 يوليو (تموز)", "14 يوليو (تموز)", "2015-07-14"),
        ("مساء أول من أمس", "أول من أمس", "2015-07-19"),
        ("الموافق 28 / 8 / 1436هـ", "الاثنين الموافق 28 / 8 / 1436هـ", "2015-06-15"),
        ("لعام 1436هـ", "عام 1436هـ", "2014"),
    ],
)
def test_saudinewsnet_cases(shared_dir: Path, needle: str, expression: str, value: str) -> None:
    articles = snn(shared_dir, 3000)
    if "الموافق" in needle:
        needle = "يوم الاثنين " + needle
    text, published = find_article(articles, needle)
    assert (expression, value) in {(m.expression, m.value) for m in find_dates(text, published)}


@pytest.mark.parametrize(
    ("needle", "expression", "value"),
    [
        ("وقال الاتحاد أمس الاثنين", "أمس الاثنين", "2018-02-26"),
        ("صدر في مارس/آذار 2017", "مارس/آذار 2017", "2017-03"),
        ("العالم لعام 2017", "عام 2017", "2017"),
    ],
)
def test_ant_cases(shared_dir: Path, needle: str, expression: str, value: str) -> None:
    text, published = find_article(ant(shared_dir, 50), needle)
    assert (expression, value) in {(m.expression, m.value) for m in find_dates(text, published)}


@pytest.mark.parametrize(
    ("needle", "expression", "value", "extra"),
    [
        ("هاجمتا في الساعة 6:00 صباح اليوم", "الساعة 6:00 صباح اليوم", "2015-07-21", "06:00"),
        (
            "عند الساعة السادسة والنصف مساء أمس",
            "الساعة السادسة والنصف مساء أمس",
            "2015-07-20",
            "18:30",
        ),
        ("حددت يومي 7 و14 أكتوبر", "7 و14 أكتوبر (تشرين الأول) المقبل", "2015-10-07", "2015-10-14"),
        ("تأجلت من 15 إلى 21 يوليو", "15 إلى 21 يوليو (تموز) الحالي", "2015-07-15", "2015-07-21"),
        ("سيعقد يومي الثلاثاء والأربعاء", "الأربعاء", "2015-07-22", None),
        ("سيدشن سعادة المحافظ حفل الافتتاح يوم السبت", "السبت", "2015-07-25", None),
        ("خطبة بمناسبة عيد الفطر", "عيد الفطر", "2015-07-18", None),
    ],
)
def test_saudinewsnet_times_ranges_future(
    shared_dir: Path, needle: str, expression: str, value: str, extra: str | None
) -> None:
    text, published = find_article(snn(shared_dir, 3000), needle)
    found = {(m.expression, m.value, m.time or m.until) for m in find_dates(text, published)}
    assert (expression, value, extra) in found
