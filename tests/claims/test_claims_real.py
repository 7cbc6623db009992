"""Claims pinned on real articles from SaudiNewsNet and ANT (read from ../shared)."""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from marsad.claims import extract_claims
from marsad.model import Article, Document


def snn_doc(shared_dir: Path, day: str, url: str) -> Document:
    with zipfile.ZipFile(shared_dir / "data" / "saudinewsnet" / f"{day}.zip") as z:
        (name,) = z.namelist()
        (art,) = [a for a in json.loads(z.read(name)) if a["url"] == url]
    doc = Document(Article(id=url, source=url, text=art["content"], published=day))
    extract_claims(doc)
    return doc


def ant_doc(shared_dir: Path, member: str) -> Document:
    path = shared_dir / "data" / "ant" / "antcorpus_multisource_v2.1.tar.gz"
    with tarfile.open(path) as tf:
        fh = tf.extractfile(f"antcorpus_multisource_v2.1/{member}")
        assert fh is not None
        raw = fh.read().decode("utf-8")
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    assert m
    doc = Document(Article(id=member, source=member, text=m.group(1).strip()))
    extract_claims(doc)
    return doc


def facts(doc: Document) -> set[tuple[float, str | None, str, str]]:
    return {(c.value, c.unit, c.qualifier, c.subject) for c in doc.claims}


def test_saudinewsnet_casualties(shared_dir: Path) -> None:
    doc = snn_doc(shared_dir, "2015-08-06", "http://www.alyaum.com/article/4082021")
    assert {(26, None, "exact", "شخصًا"), (227, None, "exact", "آخرين")} <= facts(doc)


def test_saudinewsnet_spelled_thousands(shared_dir: Path) -> None:
    doc = snn_doc(shared_dir, "2015-08-06", "http://www.al-jazirah.com/2015/20150805/du5.htm")
    assert (40000, None, "more_than", "قتيل") in facts(doc)
    assert (30, "year", "exact", "عاما") in facts(doc)


def test_saudinewsnet_money_and_share(shared_dir: Path) -> None:
    url = "http://www.3alyoum.com/news/a/خالد-الفيصل-يطلع-على-مستجدات-مشروع-الن/"
    found = facts(snn_doc(shared_dir, "2015-08-06", url))
    assert (45e9, "SAR", "exact", "تكلفة المشروع") in found  # "وتبلغ تكلفة المشروع 45 مليار"
    assert (30, "percent", "exact", "حجم الحركة المرورية") in found


@pytest.mark.slow
def test_ant_civilian_toll_and_area(shared_dir: Path) -> None:
    doc = ant_doc(shared_dir, "France24/internationalNews/FR-internationalNews-345-20180310.txt")
    assert {(930, None, "more_than", "مدنيا"), (200, None, "approx", "طفل")} <= facts(doc)
    doc = ant_doc(shared_dir, "Alarabia/economy/AL-economy-1053-20180720.txt")
    assert (53000, "km2", "exact", "كيلومتر مربع") in facts(doc)
    (share,) = [c for c in doc.claims if c.value == 96]
    assert (share.unit, share.qualifier, share.source) == ("percent", "approx", "وكالة فرانس برس")


# (value, unit) of every quantity claim in ten short SaudiNewsNet articles, read by hand.
# The 2015-07-31 five guided rule fixes (bracketed numbers, listed counts); the 2015-08-03
# five were annotated and scored before any change (13/13 found right, 13 of 15 found);
# two fixes after that (a bare "العشرات" keeps itself as subject; "متر ونصف" is 1.5 m)
# brought it to 15/15.
ANNOTATED: dict[str, dict[str, list[tuple[float, str | None]]]] = {
    "2015-07-31": {
        "http://www.3alyoum.com/sports/a/المملكة-تحقق-ميدالية-ذهبية-وفضية-في-مس/": [
            (35, "second"), (41, "second"), (25, "m"), (24, None), (15, None), (177, None),
            (25, None),
        ],
        "http://www.alriyadh.com/1069242": [
            (33, None), (8, None), (7, None), (3, None), (3, None), (2, None), (12, None),
        ],
        "http://www.3alyoum.com/news/golobal/a/الهند-تنعي-أبوبكر-عبدالكلام-رئيسها-ال/": [
            (84, "year"),
        ],
        "http://www.alweeam.com.sa/350142/تطبيق-الزي-المدرسي-الجديد-لطالبات-الت/": [],
        "http://www.alriyadh.com/1069133": [
            (9, None), (50, None), (24, None), (50, None), (9, None), (39, None), (2, None),
        ],
    },
    "2015-08-03": {
        "http://www.aleqt.com/2015/08/03/article_978564.html": [(32000, None), (144, None)],
        "http://www.al-jazirah.com/2015/20150803/ec16.htm": [
            (40000, None), (50, None), (40e6, "m"),
        ],
        "http://www.okaz.com.sa/new/Issues/20150803/Con20150803787117.htm": [
            (3, None), (5, None), (20, None),
        ],
        "http://sabq.org/CsDgde": [(270, "km"), (35, "year"), (25, "m"), (1.5, "m")],
        "http://www.alweeam.com.sa/350732/تعيين-الإنجليزى-هاوارد-ويب-لرئاسة-لجن/": [
            (25, "year"), (43, "year"), (25, "year"),
        ],
    },
}  # fmt: skip
# Measured on all ten: precision 35/35, recall 35/37 (misses: the dual counted nouns
# مركزين and حالتين). Gates leave a margin of about one claim each.
MIN_PRECISION = 0.97
MIN_RECALL = 0.91


def test_annotated_articles_precision_recall(shared_dir: Path) -> None:
    right = found = gold = 0
    for day, articles in ANNOTATED.items():
        for url, expected in articles.items():
            doc = snn_doc(shared_dir, day, url)
            got = Counter((c.value, c.unit) for c in doc.claims)
            want = Counter(expected)
            right += sum((got & want).values())
            found += sum(got.values())
            gold += sum(want.values())
    assert right / found >= MIN_PRECISION
    assert right / gold >= MIN_RECALL
