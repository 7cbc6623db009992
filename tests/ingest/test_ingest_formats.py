"""Each input format, read through the public entry points."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.ingest import iter_inputs, read_stream
from marsad.ingest.formats import iso_date, sniff
from marsad.model import RawDocument

BODY = (
    "أعلنت وزارة الدفاع الكورية الجنوبية أن آلاف الجنود من كوريا الشمالية وصلوا إلى روسيا "
    "خلال الأسبوع الماضي، في خطوة وصفها مسؤولون بأنها تصعيد خطير للحرب في أوكرانيا."
)
SECOND = "وقال المتحدث باسم الوزارة إن المعلومات جاءت من مصادر استخباراتية متعددة."

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>جنود كوريون في روسيا | صحيفة الخبر</title>
<meta property="og:title" content="جنود كوريون في روسيا">
<meta property="og:site_name" content="صحيفة الخبر">
<meta property="article:published_time" content="2024-10-25T08:30:00+03:00">
<link rel="canonical" href="https://example.com/news/1">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<article><h1>جنود كوريون في روسيا</h1>
<p>{BODY}</p>
<p>{SECOND}</p>
<p>{BODY}</p>
</article>
<footer>جميع الحقوق محفوظة © 2024 صحيفة الخبر</footer>
</body></html>"""


def items(tmp_path: Path, name: str, data: bytes | str) -> list[RawDocument | InputError]:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return list(iter_inputs([path]))


def only_doc(found: list[RawDocument | InputError]) -> RawDocument:
    assert len(found) == 1, found
    doc = found[0]
    assert isinstance(doc, RawDocument), doc
    return doc


def test_plain_text_keeps_lines_and_normalises_newlines(tmp_path: Path) -> None:
    doc = only_doc(items(tmp_path, "a.txt", f"\r\n{BODY}\r\n{SECOND}\r\n\r\n"))
    assert doc.text == f"{BODY}\n{SECOND}"
    assert doc.format == "text"
    assert doc.source == str(tmp_path / "a.txt")


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = only_doc(items(tmp_path, "page.html", PAGE))
    assert doc.format == "html"
    assert BODY in doc.text and SECOND in doc.text
    assert "\n" in doc.text  # paragraphs stay lines
    assert "الرئيسية" not in doc.text and "جميع الحقوق" not in doc.text
    assert doc.title == "جنود كوريون في روسيا"
    assert doc.outlet == "صحيفة الخبر"
    assert doc.published == "2024-10-25"
    assert doc.url == "https://example.com/news/1"
    assert doc.language == "ar"


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    assert only_doc(items(tmp_path, "page", PAGE)).format == "html"


def test_truncated_html_still_gives_its_text(tmp_path: Path) -> None:
    cut = PAGE[: PAGE.index(SECOND) + 20] + "<a hr"
    doc = only_doc(items(tmp_path, "cut.html", cut))
    assert BODY in doc.text


def test_truncated_html_with_nothing_usable(tmp_path: Path) -> None:
    found = items(tmp_path, "cut.htm", "<html><head><title>x</title></head><body><div cla")
    assert [(e.reason, e.source) for e in found if isinstance(e, InputError)] == [
        ("truncated", str(tmp_path / "cut.htm"))
    ]


def test_complete_html_without_text_is_empty(tmp_path: Path) -> None:
    found = items(tmp_path, "blank.html", "<html><body><div></div></body></html>")
    assert [e.reason for e in found if isinstance(e, InputError)] == ["empty"]


def test_json_object(tmp_path: Path) -> None:
    obj = {
        "title": "عنوان",
        "text": BODY,
        "url": "https://x.test/1",
        "site": "الخبر",
        "date": "2024-10-25T10:00:00Z",
        "author": "مراسل",
    }
    doc = only_doc(items(tmp_path, "one.json", json.dumps(obj, ensure_ascii=False)))
    assert (doc.title, doc.text, doc.url, doc.outlet, doc.published, doc.format) == (
        "عنوان",
        BODY,
        "https://x.test/1",
        "الخبر",
        "2024-10-25",
        "json",
    )
    assert doc.extra["author"] == "مراسل"


def test_json_array_with_html_field_and_a_bad_item(tmp_path: Path) -> None:
    data = [
        {"title": "أ", "content": BODY, "source": "عكاظ", "date_extracted": "2015-07-21 02:51:32"},
        {"title": "ب", "html": PAGE},
        {"title": "ج"},
        "not an object",
    ]
    found = items(tmp_path, "many.json", json.dumps(data, ensure_ascii=False))
    path = tmp_path / "many.json"
    assert [getattr(x, "source", None) for x in found] == [f"{path}#{n}" for n in (1, 2, 3, 4)]
    first, second, third, fourth = found
    assert isinstance(first, RawDocument) and first.outlet == "عكاظ"
    assert first.published == "2015-07-21"
    assert isinstance(second, RawDocument) and SECOND in second.text and "<p>" not in second.text
    assert isinstance(third, InputError) and third.reason == "format"
    assert isinstance(fourth, InputError) and fourth.reason == "format"


def test_json_container_object(tmp_path: Path) -> None:
    data = {
        "status": "ok",
        "articles": [
            {
                "title": "أ",
                "description": "x",
                "content": BODY,
                "source": {"id": None, "name": "وكالة"},
            }
        ],
    }
    doc = only_doc(items(tmp_path, "api.json", json.dumps(data, ensure_ascii=False)))
    assert doc.outlet == "وكالة" and doc.text == BODY
    assert doc.source.endswith("api.json#1")


def test_broken_json_is_a_format_error(tmp_path: Path) -> None:
    found = items(tmp_path, "bad.json", '{"title": "x", "text": ')
    assert [e.reason for e in found if isinstance(e, InputError)] == ["format"]


def test_json_array_cut_midway_keeps_the_items_before(tmp_path: Path) -> None:
    text = json.dumps([{"text": BODY}, {"text": SECOND}], ensure_ascii=False)[:-30]
    found = items(tmp_path, "cut.json", text)
    assert isinstance(found[0], RawDocument)
    assert isinstance(found[1], InputError) and found[1].reason == "format"
    assert found[1].source.endswith("cut.json#2")


def test_jsonl_broken_line_is_one_error_and_the_rest_go_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "1", "text": BODY}, ensure_ascii=False),
        '{"title": "2", "text": "مكسور',
        "",
        json.dumps({"title": "3", "text": SECOND}, ensure_ascii=False),
    ]
    found = items(tmp_path, "feed.jsonl", "\n".join(lines))
    path = tmp_path / "feed.jsonl"
    assert [type(x).__name__ for x in found] == ["RawDocument", "InputError", "RawDocument"]
    assert found[1].source == f"{path}#2" and "line 2" in found[1].detail  # type: ignore[union-attr]
    assert found[2].source == f"{path}#4" and found[2].format == "jsonl"  # type: ignore[union-attr]


def test_jsonl_saved_as_json(tmp_path: Path) -> None:
    rows = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (BODY, SECOND))
    found = items(tmp_path, "dump.json", rows)
    assert [x.text for x in found if isinstance(x, RawDocument)] == [BODY, SECOND]


def test_jsonl_is_sniffed(tmp_path: Path) -> None:
    rows = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (BODY, SECOND))
    found = items(tmp_path, "dump", rows)
    assert [x.format for x in found if isinstance(x, RawDocument)] == ["jsonl", "jsonl"]


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>الخبر العاجل</title><language>ar</language>
<item><title>الخبر الأول</title><link>https://x.test/a</link>
<pubDate>Fri, 25 Oct 2024 10:00:00 +0300</pubDate>
<description><![CDATA[<p>{BODY}</p><p>{SECOND}</p>]]></description></item>
<item><title>الخبر الثاني</title><link>https://x.test/b</link>
<description>{SECOND}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title>
<entry><title>مدخل</title><link href="https://x.test/e"/><updated>2024-11-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed_one_document_per_entry(tmp_path: Path) -> None:
    found = items(tmp_path, "news.rss", RSS)
    docs = [x for x in found if isinstance(x, RawDocument)]
    assert len(docs) == 2 == len(found)
    assert docs[0].text == f"{BODY}\n{SECOND}"
    assert (docs[0].title, docs[0].url, docs[0].outlet, docs[0].published) == (
        "الخبر الأول",
        "https://x.test/a",
        "الخبر العاجل",
        "2024-10-25",
    )
    assert docs[1].source.endswith("news.rss#2") and docs[1].published is None


def test_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    doc = only_doc(items(tmp_path, "feed.xml", ATOM))
    assert doc.format == "feed" and doc.text == BODY and doc.published == "2024-11-02"
    assert doc.outlet == "وكالة" and doc.url == "https://x.test/e"


def test_xml_that_is_no_feed_is_a_format_error(tmp_path: Path) -> None:
    found = items(tmp_path, "data.xml", "<?xml version='1.0'?><root><x>1</x></root>")
    assert [e.reason for e in found if isinstance(e, InputError)] == ["format"]


TREC = f"""<DOC>
<DOCNO>BB-internationalNews-64-20180226</DOCNO>
<URL>http://www.bbc.co.uk/arabic/world-43193332</URL>
<SRC>BBC</SRC>
<CAT>internationalNews</CAT>
<TITLE>واشنطن تربط المحادثات</TITLE>
<TIME>Mon, 26 Feb 2018 02:20:10 GMT</TIME>
<AUTHOR></AUTHOR>
<ABSTRACT>
ملخص قصير
</ABSTRACT>
<TEXT>
{BODY}
{SECOND}
</TEXT>
</DOC>
"""


def test_trec_document(tmp_path: Path) -> None:
    doc = only_doc(items(tmp_path, "BB-1.txt", TREC))
    assert doc.format == "trec" and doc.text == f"{BODY}\n{SECOND}"
    assert (doc.url, doc.outlet, doc.title, doc.published) == (
        "http://www.bbc.co.uk/arabic/world-43193332",
        "BBC",
        "واشنطن تربط المحادثات",
        "2018-02-26",
    )
    assert doc.extra == {
        "docno": "BB-internationalNews-64-20180226",
        "category": "internationalNews",
        "abstract": "ملخص قصير",
    }


def test_trec_cut_before_text_closes_is_truncated(tmp_path: Path) -> None:
    cut = TREC[: TREC.index("</TEXT>")]
    found = items(tmp_path, "cut.txt", cut)
    assert [e.reason for e in found if isinstance(e, InputError)] == ["truncated"]


def test_read_stream_sniffs_its_content() -> None:
    found = list(read_stream(io.BytesIO(RSS.encode()), "-", 1 << 20))
    assert [x.format for x in found if isinstance(x, RawDocument)] == ["feed", "feed"]
    assert found[0].source == "-#1"  # type: ignore[union-attr]


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(BODY.encode("cp1256")))
    monkeypatch.setattr("sys.stdin", fake)
    doc = only_doc(list(iter_inputs(["-"])))
    assert doc.text == BODY and doc.source == "-"


def test_stream_over_the_limit_is_too_large() -> None:
    found = list(read_stream(io.BytesIO(BODY.encode() * 100), "pipe", 1000))
    assert [(e.reason, e.source) for e in found if isinstance(e, InputError)] == [
        ("too_large", "pipe")
    ]


def test_mojibake_item_in_a_container_is_repaired_alone(tmp_path: Path) -> None:
    mangled = BODY.encode("utf-8").decode("cp1256")
    rows = [{"text": mangled}, {"text": SECOND}]
    found = items(tmp_path, "m.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    assert [x.text for x in found if isinstance(x, RawDocument)] == [BODY, SECOND]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-07-21 02:51:32", "2015-07-21"),
        ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18"),
        ("2024-10-25T08:30:00+03:00", "2024-10-25"),
        ("2024/3/9", "2024-03-09"),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


@given(st.dates())
def test_iso_date_round_trips_any_date(day: object) -> None:
    assert iso_date(f"{day} 12:00:00") == str(day)


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي \n.،", min_size=1))
def test_arabic_prose_is_sniffed_as_text(text: str) -> None:
    assert sniff(text) == "text"


def test_legacy_encoded_feed_and_page_with_markup(tmp_path: Path) -> None:
    rss = RSS.replace('encoding="utf-8"', 'encoding="windows-1256"')
    docs = [
        x for x in items(tmp_path, "old.rss", rss.encode("cp1256")) if isinstance(x, RawDocument)
    ]
    assert [d.title for d in docs] == ["الخبر الأول", "الخبر الثاني"]
    assert docs[0].outlet == "الخبر العاجل"
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-6"').replace("©", "")
    doc = only_doc(items(tmp_path, "old.html", page.encode("iso8859_6")))
    assert BODY in doc.text and doc.title == "جنود كوريون في روسيا"


def test_json_paragraph_list(tmp_path: Path) -> None:
    obj = {"title": "t", "body": [BODY, SECOND]}
    doc = only_doc(items(tmp_path, "p.json", json.dumps(obj, ensure_ascii=False)))
    assert doc.text == f"{BODY}\n{SECOND}"


def test_prose_mentioning_markup_stays_prose(tmp_path: Path) -> None:
    text = f"{BODY} يبدأ كل ملف بالوسم <html> ثم <body> كما هو معروف."
    doc = only_doc(items(tmp_path, "note", text))
    assert doc.format == "text" and doc.text == text
    obj = json.dumps({"text": text}, ensure_ascii=False)
    assert only_doc(items(tmp_path, "n.json", obj)).text == text


def test_jsonl_strings_may_hold_unicode_line_separators(tmp_path: Path) -> None:
    odd = f"{BODY}\u2028{SECOND}\x85!"
    rows = "\r\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (odd, BODY))
    found = items(tmp_path, "u.jsonl", rows)
    assert [x.text for x in found if isinstance(x, RawDocument)] == [odd, BODY]
