"""From CRF tags to mentions in article text: clitics off, titles kept as roles."""

from __future__ import annotations

from marsad.entities._data import read_rows
from marsad.entities.conlleval import spans
from marsad.entities.features import stem
from marsad.entities.tagger import Tagger, get_tagger
from marsad.model import Document, EntityType, Mention
from marsad.text import Token, normalize, split_sentences, tokenize

TYPES: dict[str, EntityType] = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC",
                                "MISC": "MISC"}
# A role title before a name is at most this many tokens ("نائب وزير الخارجية الروسي
# للشؤون الأفريقية" is 6); longer look-backs started to swallow the clause before it.
ROLE_WINDOW = 7
# Nisba endings (adjective of a place: روسي، الروسية، الأوكرانيين), normalised spelling.
_NISBA = ("يين", "يون", "يان", "يتين", "يه", "ي")


def _particles() -> list[str]:
    """Proclitics that are not part of a name; "لل" drops the article's alef, so it goes
    whole, while "وال"/"بال" only lose their first letter(s) and keep "ال"."""
    rows = read_rows("clitics.tsv")
    out = [normalize(r[0]) for r in rows if r[1] == "particle"]
    out += [normalize(r[0])[:-2] for r in rows
            if r[1] == "article" and r[0].endswith("ال") and len(r[0]) > 2]
    out += [normalize(r[0]) for r in rows if r[1] == "article" and r[0].endswith("لل")]
    return sorted(set(out), key=lambda p: -len(p))


_PARTICLES = _particles()
_ROLE_HEADS = frozenset(normalize(r[0]) for r in read_rows("role_titles.tsv"))
_STOP = frozenset(normalize(r[0]) for r in read_rows("function_words.tsv"))


def _known(tagger: Tagger, norm: str) -> int:
    """How often a form occurred in the unlabelled news the clusters came from (0: unseen)."""
    return tagger.resources.counts.get(norm, 0)


def clitic_length(tagger: Tagger, word: str) -> int:
    """How many leading characters of ``word`` are an attached clitic, not the name.

    "ولروسيا" -> 2, "بالناتو" -> 1, but "واشنطن", "لبنان", "بريطانيا" -> 0: a prefix is
    only split off when the rest is a more frequent form than the whole word in news text,
    or when the word is unseen and starts with the conjunction و.
    """
    norm = normalize(word)
    if len(norm) != len(word):
        return 0
    whole = _known(tagger, norm) or (norm,) in tagger.resources.gazetteer
    for prefix in _PARTICLES:
        rest = norm[len(prefix):]
        if not norm.startswith(prefix) or len(rest) < 2:
            continue
        if (rest,) in tagger.resources.gazetteer and (norm,) not in tagger.resources.gazetteer:
            return len(prefix)
        if _known(tagger, rest) > _known(tagger, norm):
            return len(prefix)
        if not whole and prefix.startswith("و") and len(rest) > 2:
            return len(prefix)
    return 0


def _is_head(tok: str) -> bool:
    norm = normalize(tok)
    if norm in _ROLE_HEADS:
        return True
    return any(norm.startswith(p) and norm[len(p):] in _ROLE_HEADS for p in _PARTICLES)


def _is_stop(tok: str) -> bool:
    norm = normalize(tok)
    return norm in _STOP or not any(c.isalpha() for c in norm)


def _role(text: str, tokens: list[Token], first: int, taken: set[int],
          tagger: Tagger) -> str | None:
    """The title written right before token ``first`` (a person's name), if any."""
    head: int | None = None
    for i in range(first - 1, max(-1, first - 1 - ROLE_WINDOW), -1):
        if i in taken or _is_stop(tokens[i].text):
            break
        if _is_head(tokens[i].text):
            head = i
    if head is None:
        return None
    start = tokens[head].start + clitic_length(tagger, tokens[head].text)
    norm = normalize(tokens[head].text)
    if norm not in _ROLE_HEADS:
        start = tokens[head].start + next(
            len(p) for p in _PARTICLES if norm.startswith(p) and norm[len(p):] in _ROLE_HEADS)
    return text[start:tokens[first - 1].end]


def _is_adjective(tagger: Tagger, norm: str) -> bool:
    """"الروسية" / "الأوكراني": a nisba adjective whose base is a known place."""
    base = stem(norm)
    gaz = tagger.resources.gazetteer
    for end in _NISBA:
        if base.endswith(end) and len(base) - len(end) >= 2:
            root = base[: -len(end)]
            if any(gaz.get((form,)) == "LOC" for form in (root, root + "ا", stem("ال" + root))):
                return True
    return False


def mentions_in(text: str, tagger: Tagger) -> list[Mention]:
    """Named-entity mentions of one text, with offsets into it."""
    out: list[Mention] = []
    for s_start, s_end in split_sentences(text):
        tokens = [Token(t.text, t.start + s_start, t.end + s_start)
                  for t in tokenize(text[s_start:s_end])]
        if not tokens:
            continue
        tags = tagger.tag([t.text for t in tokens])
        found = sorted(spans(tags))
        taken = {i for a, b, _ in found for i in range(a, b)}
        for a, b, label in found:
            kind = TYPES.get(label)
            if kind is None:
                continue
            while kind == "PER" and b - a > 1 and _is_head(tokens[a].text):
                taken.discard(a)
                a += 1
            if kind in ("LOC", "MISC") and b - a == 1 and _is_adjective(
                    tagger, normalize(tokens[a].text)):
                continue
            start = tokens[a].start + clitic_length(tagger, tokens[a].text)
            end = tokens[b - 1].end
            role = _role(text, tokens, a, taken, tagger) if kind == "PER" else None
            out.append(Mention(start, end, text[start:end], kind, role))
    return out


def recognize(doc: Document) -> None:
    """Fill ``doc.mentions`` from the article text (replaces what was there)."""
    doc.mentions = mentions_in(doc.article.text, get_tagger())
