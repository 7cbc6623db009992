"""Real articles for the cleaner's tests, read straight from the archives in ../shared."""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.model import RawDocument

ANT_TARBALL = "data/ant/antcorpus_multisource_v2.1.tar.gz"
_FIELD = {
    tag: re.compile(rf"<{tag}>\n?(.*?)\n?</{tag}>", re.S) for tag in ("TEXT", "TITLE", "SRC", "URL")
}


def _field(doc: str, tag: str) -> str | None:
    m = _FIELD[tag].search(doc)
    return m.group(1) if m else None


def ant_raw(name: str, doc: str) -> RawDocument:
    """One ANT TREC <DOC> as the ingest stage hands it over (text, title, outlet, url)."""
    return RawDocument(
        source=name,
        text=_field(doc, "TEXT") or "",
        format="trec",
        title=_field(doc, "TITLE"),
        outlet=_field(doc, "SRC"),
        url=_field(doc, "URL"),
    )


def iter_ant(shared_dir: Path, outlets: tuple[str, ...]) -> Iterator[RawDocument]:
    with tarfile.open(shared_dir / ANT_TARBALL) as tar:
        for member in tar:
            if not member.isfile() or member.name.split("/")[1] not in outlets:
                continue
            handle = tar.extractfile(member)
            if handle is None or not member.name.endswith(".txt"):
                continue
            yield ant_raw(member.name, handle.read().decode("utf-8"))


def iter_snn(shared_dir: Path, day: str) -> Iterator[tuple[int, RawDocument]]:
    with zipfile.ZipFile(shared_dir / "data" / "saudinewsnet" / f"{day}.zip") as z:
        for name in z.namelist():
            for i, item in enumerate(json.loads(z.read(name))):
                yield (
                    i,
                    RawDocument(
                        source=f"{day}#{i}",
                        text=item.get("content") or "",
                        format="json",
                        title=item.get("title"),
                        outlet=item.get("source"),
                        url=item.get("url"),
                    ),
                )


@pytest.fixture(scope="session")
def ant_bbc_cnn_fr(shared_dir: Path) -> dict[str, RawDocument]:
    """Every ANT article from BBC, CNN, France 24 and Al Arabiya, by file name."""
    docs = iter_ant(shared_dir, ("BBC", "CNN", "France24", "Alarabia"))
    return {raw.source.rsplit("/", 1)[-1].removesuffix(".txt"): raw for raw in docs}


@pytest.fixture(scope="session")
def snn_day(shared_dir: Path) -> dict[str, RawDocument]:
    """SaudiNewsNet items of the days the pinned articles come from, by "day#index"."""
    out: dict[str, RawDocument] = {}
    for day in ("2015-07-25", "2015-08-02", "2015-08-03", "2015-08-10", "2015-07-31"):
        out.update((f"{day}#{i}", raw) for i, raw in iter_snn(shared_dir, day))
    return out
