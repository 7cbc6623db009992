"""Arabic text core: normalisation, tokens, sentences, clitics and numbers.

Every rule that is about the language (character maps, abbreviations, affixes, number
words) is a table under ``text/data/``; the code here only applies them.
"""

from marsad.text.morph import light_stem, strip_clitics
from marsad.text.normalize import normalize, normalize_with_map, strip_invisible
from marsad.text.numbers import NumberMatch, find_numbers, parse_number
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

__all__ = [
    "NumberMatch",
    "Token",
    "find_numbers",
    "light_stem",
    "normalize",
    "normalize_with_map",
    "parse_number",
    "split_sentences",
    "strip_clitics",
    "strip_invisible",
    "tokenize",
]
