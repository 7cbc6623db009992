"""Which place a mention means where one spelling names two (عمان: Oman or Amman).

The rules and their cue words are in ``data/place_senses.tsv``; linking keys a mention read
in a sense other than its name's first by that sense, so the two places are two entities.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.entities._data import read_rows
from marsad.entities.refine import bare_forms
from marsad.model import Mention
from marsad.text import Token, normalize, tokenize

_AND = "و"
# The "list" cue that stands for any country name.
COUNTRY = "country"
_COMMAS = frozenset("،,")
_OPEN, _CLOSE = frozenset("(["), frozenset(")]")


@dataclass
class _Senses:
    order: list[str] = field(default_factory=list)  # first: the default
    written: dict[str, str] = field(default_factory=dict)  # mention as written -> sense
    before: dict[str, str] = field(default_factory=dict)  # word before (normalised) -> sense
    listed: dict[str, str] = field(default_factory=dict)  # coordinated word -> sense
    bracketed: str | None = None  # the sense of the name alone in brackets
    article: dict[str, str] = field(default_factory=dict)  # cue word (normalised) -> sense


def _table() -> dict[str, _Senses]:
    out: dict[str, _Senses] = defaultdict(_Senses)
    for name, sense, where, cue in read_rows("place_senses.tsv"):
        senses = out[normalize(name)]
        if sense not in senses.order:
            senses.order.append(sense)
        if where == "written":
            senses.written[cue] = sense
        elif where == "before":
            senses.before[normalize(cue)] = sense
        elif where == "list":
            senses.listed[cue if cue == COUNTRY else normalize(cue)] = sense
        elif where == "bracketed":
            senses.bracketed = sense
        elif where == "article":
            senses.article[normalize(cue)] = sense
        else:
            raise ValueError(
                f"place_senses.tsv: unknown rule {where!r}; "
                "use written, before, list, bracketed or article"
            )
    return dict(out)


_SENSES = _table()
# The names with several senses (normalised): linking asks about no other mention.
NAMES = frozenset(_SENSES)


class ArticleSenses:
    """The senses of one article's mentions; the article is read only if it has a mention
    of a name with several senses."""

    def __init__(self, text: str, is_country: Callable[[str], bool]) -> None:
        self.text = text
        self.is_country = is_country
        self._tokens: list[Token] | None = None
        self._starts: list[int] = []
        self._words: set[str] = set()

    def _read(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.text)
            self._starts = [t.start for t in self._tokens]
            for t in self._tokens:
                self._words.update(bare_forms(t.text))
        return self._tokens

    def _listed(self, senses: _Senses, tokens: list[Token], i: int) -> str | None:
        """The sense of a word listed next to token ``i``, joined by "و" or a comma
        ("والكويت وعمان"; not "عمان بالأردن"): a country's or a cue word's."""
        for step in (-1, 1):
            j = i + step
            comma = 0 <= j < len(tokens) and tokens[j].text in _COMMAS
            if comma:
                j += step
            if not 0 <= j < len(tokens):
                continue
            if not (comma or tokens[max(i, j)].text.startswith(_AND)):
                continue
            for form in bare_forms(tokens[j].text):
                if form in senses.listed:
                    return senses.listed[form]
                if COUNTRY in senses.listed and self.is_country(form):
                    return senses.listed[COUNTRY]
        return None

    def of(self, m: Mention) -> str | None:
        """The sense ``m`` is read in, where it is not its name's first; else None."""
        senses = _SENSES.get(normalize(m.text))
        if senses is None:
            return None
        sense = self._sense(senses, m)
        return None if sense == senses.order[0] else sense

    def _sense(self, senses: _Senses, m: Mention) -> str:
        if m.text in senses.written:
            return senses.written[m.text]
        tokens = self._read()
        i = bisect_right(self._starts, m.start) - 1
        if i > 0:
            for form in bare_forms(tokens[i - 1].text):
                if form in senses.before:
                    return senses.before[form]
        listed = self._listed(senses, tokens, i) if senses.listed and i >= 0 else None
        if listed is not None:
            return listed
        if (
            senses.bracketed
            and 0 < i < len(tokens) - 1
            and tokens[i - 1].text in _OPEN
            and tokens[i + 1].text in _CLOSE
        ):
            return senses.bracketed
        cued = {senses.article[w] for w in self._words if w in senses.article}
        return cued.pop() if len(cued) == 1 else senses.order[0]
