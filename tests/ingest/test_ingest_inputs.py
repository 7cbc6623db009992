"""Paths, folders, archives and every kind of bad input: one InputError each, never a raise."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.ingest import iter_inputs
from marsad.model import RawDocument

BODY = "قالت الحكومة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بمشاركة جميع الأطراف."
# Characters JSONL rows are drawn from: prose in both scripts, JSON-escaped quotes and
# backslashes, and blank-only rows.
_ROW_CHARS = 'abcXYZ019 \t"\\.,!؟،ابتثجحخدذرزسشصضطظعغفقكلمنهوي'
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"


def reasons(found: list[RawDocument | InputError]) -> list[tuple[str, str]]:
    return [(Path(e.source).name, e.reason) for e in found if isinstance(e, InputError)]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n  ", "empty"),
        ("blank16.txt", "   \n ".encode("utf-16"), "empty"),
        ("image.txt", PNG, "binary"),
        ("doc.pdf", PDF, "binary"),
        ("nul.txt", b"abc\x00\x01\x02\x03\x00\xff\xfe\x00\x00\x00", "binary"),
        ("bad.html", b"\xef\xbb\xbf\xff\xfe", "encoding"),
        ("bad.json", b'{"text": "x",,}', "format"),
        ("cut.html", b"<html><body><div class='a", "truncated"),
    ],
)
def test_bad_input_is_one_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    found = list(iter_inputs([tmp_path / name]))
    assert reasons(found) == [(name, reason)]
    assert all(isinstance(e, InputError) for e in found)
    assert found[0].detail  # type: ignore[union-attr]


def test_missing_path_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    found = list(iter_inputs([missing]))
    assert len(found) == 1 and isinstance(found[0], InputError)
    assert found[0].reason == "unreadable" and str(missing) in str(found[0])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    assert reasons(list(iter_inputs([path]))) == [("locked.txt", "unreadable")]


def test_read_failure_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "flaky.txt"
    path.write_text(BODY, encoding="utf-8")

    def fail(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", fail)
    found = list(iter_inputs([path, path]))
    assert reasons(found) == [("flaky.txt", "unreadable")] * 2
    assert "Permission denied" in found[0].detail  # type: ignore[union-attr]


def test_too_large_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: large on stat, nothing written
        fh.truncate(5000)

    def forbidden(self: Path) -> bytes:
        raise AssertionError("read a file over the limit")

    monkeypatch.setattr(Path, "read_bytes", forbidden)
    assert reasons(list(iter_inputs([path], max_bytes=4096))) == [("huge.txt", "too_large")]


def test_folder_with_one_broken_file_among_good_ones(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(BODY.encode("cp1256"))
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.jsonl").write_text(json.dumps({"text": BODY}, ensure_ascii=False), "utf-8")
    (sub / "broken.json").write_text("[{", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    hidden_dir = tmp_path / ".cache"
    hidden_dir.mkdir()
    (hidden_dir / "x.txt").write_text(BODY, encoding="utf-8")
    found = list(iter_inputs([tmp_path]))
    sources = [Path(x.source.split("#")[0]).relative_to(tmp_path).as_posix() for x in found]
    assert sources == ["a.txt", "b.txt", "sub/broken.json", "sub/c.jsonl"]
    assert [type(x).__name__ for x in found] == [
        "RawDocument",
        "RawDocument",
        "InputError",
        "RawDocument",
    ]
    assert all(x.text == BODY for x in found if isinstance(x, RawDocument))


def test_a_single_path_is_not_iterated_as_characters(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    assert [x.source for x in iter_inputs(str(good))] == [str(good)]


def test_mixed_paths_go_on_after_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    found = list(iter_inputs([tmp_path / "missing", good, str(good)]))
    assert [type(x).__name__ for x in found] == ["InputError", "RawDocument", "RawDocument"]


def _tar(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_tar_members_are_read_one_by_one(tmp_path: Path) -> None:
    trec = f"<DOC>\n<SRC>BBC</SRC>\n<CAT>sport</CAT>\n<TEXT>\n{BODY}\n</TEXT>\n</DOC>\n"
    path = tmp_path / "corpus.tar.gz"
    _tar(
        path,
        {
            "c/README.md": b"# about\n<DOC><TEXT>sample</TEXT></DOC>",
            "c/sport/1.txt": trec.encode(),
            "c/sport/2.txt": b"",
            "c/.DS_Store": b"\x00\x01",
            "c/big.txt": b"x" * 5000,
        },
    )
    found = list(iter_inputs([path], max_bytes=4096))
    assert [x.source for x in found] == [f"{path}::c/sport/{n}.txt" for n in (1, 2)] + [
        f"{path}::c/big.txt"
    ]
    doc = found[0]
    assert isinstance(doc, RawDocument) and doc.extra["category"] == "sport"
    assert doc.outlet == "BBC" and doc.text == BODY
    assert [(e.reason) for e in found if isinstance(e, InputError)] == ["empty", "too_large"]


def test_zip_of_json_arrays(tmp_path: Path) -> None:
    day = [
        {
            "source": "okaz",
            "url": "http://o.test/1",
            "date_extracted": "2015-07-21 02:51:32",
            "title": "عنوان",
            "author": "كاتب",
            "content": BODY,
        }
    ] * 3
    path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("2015-07-21.json", json.dumps(day, ensure_ascii=False))
    found = list(iter_inputs([path]))
    assert [x.source for x in found] == [f"{path}::2015-07-21.json#{n}" for n in (1, 2, 3)]
    doc = found[0]
    assert isinstance(doc, RawDocument)
    assert (doc.outlet, doc.url, doc.published, doc.title, doc.extra) == (
        "okaz",
        "http://o.test/1",
        "2015-07-21",
        "عنوان",
        {"author": "كاتب"},
    )


def test_damaged_archives(tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(b"PK\x03\x04 not really")
    good = tmp_path / "b.tar.gz"
    words = BODY.split()
    rng = random.Random(7)  # varied text, so the gzip stream is long enough to cut
    _tar(good, {f"{n}.txt": " ".join(rng.choices(words, k=3000)).encode() for n in range(3)})
    (tmp_path / "c.tar.gz").write_bytes(good.read_bytes()[:-200])
    (tmp_path / "d.gz").write_bytes(b"\x1f\x8b not gzip")
    found = list(iter_inputs([tmp_path]))
    assert reasons(found) == [("a.zip", "format"), ("c.tar.gz", "truncated"), ("d.gz", "format")]
    assert [Path(x.source).name for x in found if isinstance(x, RawDocument)] == [
        "b.tar.gz::0.txt",
        "b.tar.gz::1.txt",
        "b.tar.gz::2.txt",
        "c.tar.gz::0.txt",
        "c.tar.gz::1.txt",
    ]


def test_gzip_file_is_read_by_inner_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(f"<html><body><p>{BODY}</p></body></html>".encode()))
    found = list(iter_inputs([path]))
    assert [(x.format, x.source) for x in found if isinstance(x, RawDocument)] == [
        ("html", str(path))
    ]


def test_gzip_bomb_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    assert reasons(list(iter_inputs([path], max_bytes=10_000))) == [("bomb.txt.gz", "too_large")]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda s: s.encode("utf-8")),
        st.sampled_from([PNG, PDF, b"<html><body><p", b'[{"text": 1}', b"<DOC><TEXT>"]).flatmap(
            lambda head: st.binary(max_size=100).map(lambda tail: head + tail)
        ),
    ),
    name=st.sampled_from(["x.txt", "x.html", "x.json", "x.jsonl", "x.rss", "x", "x.zip", "x.gz"]),
)
def test_any_bytes_give_items_never_a_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    found = list(iter_inputs([path]))
    assert found, "every input gives at least one item or error"
    assert all(isinstance(x, RawDocument | InputError) for x in found)
    assert all(x.text.strip() for x in found if isinstance(x, RawDocument))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(st.text(alphabet=_ROW_CHARS, max_size=30), st.none()), min_size=1, max_size=12
    )
)
def test_jsonl_gives_one_item_per_nonblank_line(tmp_path: Path, rows: list[str | None]) -> None:
    # None stands for a broken line; text rows are objects whose text may be blank.
    lines = ['{"text": ' if r is None else json.dumps({"text": r}) for r in rows]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = list(iter_inputs([path]))
    assert len(found) == len(rows)
    for n, (row, item) in enumerate(zip(rows, found, strict=True), 1):
        assert item.source == f"{path}#{n}"
        if row is None:
            assert isinstance(item, InputError) and item.reason == "format"
        elif row.strip():
            assert isinstance(item, RawDocument) and item.text == row.strip()
        else:
            assert isinstance(item, InputError) and item.reason == "empty"
