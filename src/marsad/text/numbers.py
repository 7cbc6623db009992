"""Numbers in running Arabic text: digits in any script, scale words, spelled-out forms.

Matching runs on ``normalize``d text (so ٣٫٥، 3.5 and "ثلاثة" spelled with or without
hamza all look alike) and spans are mapped back to the input with ``normalize_with_map``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from marsad._tables import read_rows
from marsad.text.normalize import normalize, normalize_with_map

# A decimal comma has at most two digits after it; three digits after a comma are a
# thousands group. Both occur in ANT: "1,500 جندي", "4,8 مليار دولار", "(19,9%)".
_MAX_DECIMAL_COMMA_DIGITS = 2
# A proclitic is only split off a phrase-initial word when this many letters remain
# (بستة، وألف); two-letter rests such as لست are ordinary words, and ambiguous number
# words (ست، تسع) never take a proclitic at all.
_MIN_REST_AFTER_PROCLITIC = 3

_NUM = (
    r"\d{1,3}(?:\.\d{3}){2,}(?![\d.])"  # 7.500.000: dots as thousands separators
    r"|(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:/\d+(?:\.\d+)?)*|\.\d+"
)
_DECIMAL_COMMA = re.compile(rf",(\d{{1,{_MAX_DECIMAL_COMMA_DIGITS}}})(?![\d,])")


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float
    approx_hint: str | None = None


@dataclass(frozen=True)
class _Entry:
    value: float
    kind: str
    flag: str
    raw: str


@dataclass
class _Atom:
    start: int
    end: int
    kind: str
    value: float
    flag: str = ""
    conj: bool = False


# Stand-ins between number atoms: anything that breaks a phrase, and a lone و joining two.
_BARRIER = _Atom(-1, -1, "sep", 0.0)
_JOIN = _Atom(-1, -1, "word", 0.0)


@cache
def _affixes() -> tuple[str, tuple[str, ...]]:
    """(the conjunction joining number words, proclitics a phrase may start with)."""
    rows = read_rows("marsad.text", "number_affixes.tsv")
    (conj,) = (r[1] for r in rows if r[0] == "conjunction")
    return conj, tuple(r[1] for r in rows if r[0] == "proclitic")


@cache
def _definite_before() -> re.Pattern[str]:
    """A definite word ending right where a number word starts (الستة عشر)."""
    rows = read_rows("marsad.text", "number_affixes.tsv")
    (article,) = (r[1] for r in rows if r[0] == "article")
    return re.compile(rf"(?<![^\W\d_]){re.escape(article)}[^\W\d_]+\s+$")


@cache
def _words() -> dict[str, _Entry]:
    table: dict[str, _Entry] = {}
    for row in read_rows("marsad.text", "number_words.tsv"):
        word = normalize(row[0])
        flag = row[3] if len(row) > 3 else ""
        table.setdefault(word, _Entry(float(row[1]), row[2], flag, row[0]))
    return table


def _digits_value(norm: str, start: int, end: int) -> float | None:
    body = norm[start:end]
    if body.count(".") > 1:
        return float(body.replace(".", ""))
    if body.count("/") > 1:
        return None
    if "/" in body:
        num, den = body.split("/")
        d = float(den.replace(",", ""))
        return float(num.replace(",", "")) / d if d else None
    return float(body.replace(",", ""))


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored as a trie so matching stays linear."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


@cache
def _candidates() -> re.Pattern[str]:
    """Digits, or a number word (with one proclitic) standing as a whole word."""
    clitics = "".join(_affixes()[1])
    return re.compile(
        rf"(?P<num>{_NUM})"
        rf"|(?<![^\W\d_])(?P<word>[{clitics}]?{_trie(sorted(_words()))})(?![^\W\d_])"
    )


def _as_written(source: str, offsets: list[int], s: int, e: int) -> str:
    """The source spelling of normalised span ``[s, e)``, diacritics and tatweel dropped."""
    raw = source[offsets[s] : offsets[e - 1] + 1]
    return "".join(c for c in raw if unicodedata.category(c) != "Mn" and c != "\u0640")


def _word_atom(word: str, s: int, e: int, after_number: bool, written: str) -> _Atom:
    words = _words()
    entry = words.get(word)
    if entry is not None and (entry.flag != "exact_spelling" or written == entry.raw):
        return _Atom(s, e, entry.kind, entry.value, entry.flag)
    rest = words.get(word[1:])
    if rest is None or (rest.flag == "exact_spelling" and written[1:] != rest.raw):
        return _BARRIER
    conj = word[0] == _affixes()[0]
    if conj and after_number:
        return _Atom(s + 1, e, rest.kind, rest.value, rest.flag, True)
    if len(word) - 1 >= _MIN_REST_AFTER_PROCLITIC and rest.flag != "ambiguous":
        return _Atom(s + 1, e, rest.kind, rest.value, rest.flag)
    return _BARRIER


def _atoms(norm: str, source: str, offsets: list[int]) -> list[_Atom]:
    """Number atoms of the normalised text, with a joiner for a lone و between two and a
    barrier for anything else between them."""
    atoms: list[_Atom] = []
    prev_end = 0
    for m in _candidates().finditer(norm):
        s, e = m.span()
        if s < prev_end:
            continue
        gap = norm[prev_end:s].strip()
        if gap == _affixes()[0] and atoms:
            atoms.append(_JOIN)
        elif gap and atoms and atoms[-1] is not _BARRIER:
            atoms.append(_BARRIER)
        if m.group("num"):
            digit = _digit_atom(norm, source, offsets, s, e)
            atoms.extend(digit or [_BARRIER])
            prev_end = digit[-1].end if digit else e
        else:
            after_number = bool(atoms) and not gap and atoms[-1] is not _BARRIER
            written = _as_written(source, offsets, s, e)
            atoms.append(_word_atom(m.group(), s, e, after_number, written))
            prev_end = e
    return atoms


def _digit_atom(norm: str, source: str, offsets: list[int], s: int, e: int) -> list[_Atom]:
    before = norm[s - 1] if s else ""
    after = norm[e] if e < len(norm) else ""
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return []  # G20, 4x4: part of a name
    if before == "-" and s >= 2 and norm[s - 2].isalpha():
        return []  # إف-16: a model designation
    if before == "/" or after == "/":
        return []  # part of a date such as 12/10/2024
    value = _digits_value(norm, s, e)
    if value is None:
        return []
    dc = _DECIMAL_COMMA.match(norm, e)
    if dc and "." not in norm[s:e] and "/" not in norm[s:e] and source[offsets[e]] == ",":
        value = float(f"{norm[s:e].replace(',', '')}.{dc.group(1)}")
        e = dc.end()
    if before == "-" and (s < 2 or not (norm[s - 2].isalnum() or norm[s - 2] in ".,%")):
        return [_Atom(s - 1, e, "num", -value)]
    return [_Atom(s, e, "num", value)]


class _Phrase:
    """Accumulates one number phrase left to right (Arabic puts units before tens)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.top_scale = 0.0
        self.last_scale = 0.0
        self.last = ""
        self.hint: str | None = None
        self.count = 0
        self.ambiguous = 0

    def value(self) -> float:
        return self.total + self.current

    def scale(self, s: float) -> None:
        m = self.current or 1.0
        if self.total and s > self.top_scale:
            self.total = (self.total + m) * s
        else:
            self.total += m * s
        self.top_scale = max(self.top_scale, s)
        self.last_scale = s
        self.current = 0.0


_AFTER_SCALE = frozenset({"num", "unit", "ten", "teen", "tens", "hundred", "scale_dual"})
_UNITISH = frozenset({"unit", "unit_bound"})


def _accepts(p: _Phrase, a: _Atom, nxt: _Atom | None) -> bool:
    """Whether atom ``a`` continues phrase ``p`` (the grammar of Arabic numerals)."""
    k, last = a.kind, p.last
    if not last:
        if a.conj and k not in ("num",):
            return k != "unit_bound" and k != "fraction"
        if k == "unit_bound":
            return nxt is not None and nxt.kind == "ten" and not nxt.conj
        if k == "fraction":
            return nxt is not None and nxt.kind.startswith("scale") and not nxt.conj
        if k == "scale_plural" and a.flag == "vague_only":
            return True
        return k in {
            "num",
            "unit",
            "ten",
            "teen",
            "tens",
            "hundred",
            "scale",
            "scale_plural",
            "scale_dual",
            "vague",
        }
    if k == "point":
        return last in ("num", "unit") and nxt is not None and nxt.kind in ("num", "unit")
    if last == "point":
        return k in ("num", "unit") and not a.conj
    if k in ("scale", "scale_plural") and not a.conj:
        if a.flag == "vague_only":
            return last == "vague"
        return last in {"num", "unit", "ten", "teen", "tens", "hundred", "vague", "fraction"}
    if last in ("scale", "scale_plural", "scale_dual"):
        if k == "fraction":
            return a.conj and (nxt is None or not nxt.kind.startswith("scale"))
        if k in ("scale", "scale_plural"):
            return a.conj and a.value < p.top_scale
        return a.conj and k in _AFTER_SCALE
    if last in _UNITISH:
        if k == "ten":
            return not a.conj
        if k == "hundred":
            return not a.conj and a.value == 100
        return k == "tens" and a.conj
    if last == "hundred":
        return k in ("unit", "ten", "teen", "tens")
    if last == "vague" and k == "hundred":
        return not a.conj and a.value == 100
    return False


def _apply(p: _Phrase, a: _Atom) -> None:
    k, v = a.kind, a.value
    if k in ("scale", "scale_plural"):
        if not p.last and k == "scale_plural":
            p.current, p.hint = 2.0, "at_least"  # آلاف alone: at least two thousand
        p.scale(v)
    elif k == "scale_dual":
        p.total += v
        p.top_scale = max(p.top_scale, v / 2)
        p.last_scale = v / 2
    elif k == "fraction":
        if p.last:
            p.total += v * p.last_scale
        else:
            p.current = v
    elif k == "vague":
        p.current, p.hint = v, "at_least"
    elif p.last == "point":
        digits = str(int(v)) if v == int(v) else str(v).replace(".", "")
        p.current += v / 10 ** len(digits)
    elif k == "hundred" and (p.last in _UNITISH or p.last == "vague"):
        p.current *= 100
    elif k != "point":
        p.current += v
    p.last = k
    p.count += 1
    p.ambiguous += a.flag == "ambiguous"


def _scan(norm: str, source: str, offsets: list[int]) -> list[tuple[int, int, float, str | None]]:
    atoms = _atoms(norm, source, offsets)
    found: list[tuple[int, int, float, str | None]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.kind in ("sep", "word"):
            i += 1
            continue
        if a.kind == "ten" and _definite_before().search(norm, max(0, a.start - 24), a.start):
            i += 1
            continue
        if a.kind == "ordinal":
            i += 2 if i + 1 < len(atoms) and atoms[i + 1].kind == "ten" else 1
            continue
        p = _Phrase()
        j = i
        while j < len(atoms):
            cur = atoms[j]
            nxt = atoms[j + 1] if j + 1 < len(atoms) else None
            if cur is _JOIN and p.last and nxt is not None:
                joined = _Atom(cur.start, nxt.end, nxt.kind, nxt.value, nxt.flag, True)
                after = atoms[j + 2] if j + 2 < len(atoms) else None
                if _accepts(p, joined, after):
                    _apply(p, joined)
                    j += 2
                    continue
                break
            if not _accepts(p, cur, nxt):
                break
            _apply(p, cur)
            j += 1
        if j == i:
            i += 1
            continue
        start = atoms[i].start
        end = atoms[j - 1].end
        lone_ambiguous = p.ambiguous == p.count and norm.strip() != norm[start:end]
        if not lone_ambiguous:
            found.append((start, end, p.value(), p.hint))
        i = j
    return found


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text`` with its value; vague plurals carry ``approx_hint``.

    Qualifiers such as نحو belong to the caller; years and phone numbers are found too,
    deciding what is a quantity is the claims stage's job.
    """
    norm, offsets = normalize_with_map(text)
    out: list[NumberMatch] = []
    for s, e, value, hint in _scan(norm, text, offsets):
        os_, oe = offsets[s], offsets[e - 1] + 1
        if out and os_ < out[-1].end:
            continue  # two numbers out of one input character (a ligature)
        while oe < len(text) and (unicodedata.category(text[oe]) == "Mn" or text[oe] == "\u0640"):
            oe += 1  # keep the tanwin of ألفاً inside the span
        out.append(NumberMatch(os_, oe, text[os_:oe], value, hint))
    return out


def parse_number(text: str) -> float | None:
    """Value of ``text`` when the whole of it is one number phrase, else ``None``."""
    norm, offsets = normalize_with_map(text)
    found = _scan(norm, text, offsets)
    if len(found) != 1:
        return None
    s, e, value, _ = found[0]
    return value if (s, e) == (0, len(norm)) else None
