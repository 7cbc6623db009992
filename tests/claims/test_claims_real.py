"""Claims pinned on real articles from SaudiNewsNet and ANT (read from ../shared)."""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
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
    assert (45e9, "SAR", "exact", "ريال") in found
    assert (30, "percent", "exact", "حجم الحركة المرورية") in found


@pytest.mark.slow
def test_ant_civilian_toll_and_area(shared_dir: Path) -> None:
    doc = ant_doc(shared_dir, "France24/internationalNews/FR-internationalNews-345-20180310.txt")
    assert {(930, None, "more_than", "مدنيا"), (200, None, "approx", "طفل")} <= facts(doc)
    doc = ant_doc(shared_dir, "Alarabia/economy/AL-economy-1053-20180720.txt")
    assert (53000, "km2", "exact", "كيلومتر مربع") in facts(doc)
    (share,) = [c for c in doc.claims if c.value == 96]
    assert (share.unit, share.qualifier, share.source) == ("percent", "approx", "وكالة فرانس برس")
