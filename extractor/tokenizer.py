"""Tokenizer fixes so that figures become clean tokens.

spaCy's English tokenizer already splits ``$35`` and ``40-45%``; these additions cover the
rest of what election reporting uses:

* ``£28 million/€33 million``: a slash between amounts is its own token;
* ``51.2%-47.9%``: a dash after a percent sign is its own token;
* ``1.2bn``, ``£35m``, ``$1.2bn``, ``5.5mn``: scale suffixes split from the number;
* ``£4bn-£6bn``: a dash between amounts, and a currency symbol glued to a number inside a
  token, are split;
* ``US$5``, ``C$``, ``A$``, ``NZ$``, ``HK$``: a dollar prefix stays one token.

Only tokens that contain a digit next to a currency sign, a percent sign or a scale suffix
change: ordinary words tokenize as before.  :func:`customize_tokenizer` is idempotent.

Speed: spaCy calls the affix regexes for every new chunk of text, and searching its long
suffix and infix alternations costs microseconds per call.  The same regexes run behind cheap
checks that give the same answers: a chunk without any character that every match needs
("election") cannot match (:class:`AffixRegex`), and a suffix can only be one of the pieces
that end with the chunk's last character (:class:`EdgeAffixes`; prefixes likewise).
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import fastscan

_SYM = r"[£$€¥₹]"
#: Dollar variants written as one prefix ("US$5", "C$10").
PREFIXES = [r"(?:US|NZ|HK|AU|CA|C|A|S)\$(?=[0-9])"]
#: Scale suffixes glued to a number ("1.2bn", "35m", "5k").
SUFFIXES = [r"(?<=[0-9])(?:bn|mn|tn|trn|bln|mln|k)"]
INFIXES = [
    # "million/€33", "35m/£28m": slash before a currency sign or a dollar prefix
    r"(?<=[0-9a-z%])/(?=(?:" + _SYM + r"|(?:US|C|A|NZ|HK)\$))",
    # "51.2%-47.9%": a percent sign and the dash after it, before a number
    r"(?<=[0-9])%(?=[-–][0-9])",
    r"(?<=%)[-–](?=[0-9])",
    # "4bn-£6bn": dash between an amount and a currency sign
    r"(?<=[0-9a-z])[-–](?=" + _SYM + r"[0-9])",
    # zero-width: "£6" inside a token -> "£" "6"
    r"(?<=" + _SYM + r")(?=[0-9])",
    # zero-width: "4bn" inside a token -> "4" "bn"
    r"(?<=[0-9])(?=(?:bn|mn|tn|m|k)(?![a-z]))",
]
#: Special cases that would glue a scale suffix to the sentence's full stop ("£2.36m."), and
#: spaCy's emoticons that are figures in news text ("(Aug. 8).", "by 8-)" never mean a smiley).
_DROP_SPECIALS = ("m.", "k.", "8)", "8-)", "8-D", "8D", "(-8")
_MARK = "_electx_figures"


class AffixRegex:
    """A compiled affix regex with ``search``, ``match`` and ``finditer`` that give exactly
    what the regex gives, after a cheap check that a match is possible at all: the string
    holds one of the characters every match needs (:func:`extractor.fastscan.required_chars`).

    spaCy reads ``tokenizer.prefix_search.__self__.pattern`` to save a tokenizer: a loaded
    copy gets the plain regex, which tokenizes the same.

    >>> rx = AffixRegex(re.compile(r"(?<=[0-9])(?:bn|m)$|'s$"))
    >>> rx.search("election") is None, rx.search("35m").span(), list(rx.finditer("said"))
    (True, (2, 3), [])
    """

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        need = fastscan.required_chars(rx)
        self._need = need.search if need is not None else None
        # "^a|^b": search and match agree, and match stops at the first character
        self._search = rx.match if fastscan.anchored_at_start(rx) else rx.search

    def __reduce__(self) -> tuple:
        return (type(self), (self.rx,))

    def search(self, text: str) -> re.Match[str] | None:
        """``rx.search(text)``."""
        if self._need is not None and self._need(text) is None:
            return None
        return self._search(text)

    def match(self, text: str) -> re.Match[str] | None:
        """``rx.match(text)``."""
        if self._need is not None and self._need(text) is None:
            return None
        return self.rx.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``rx.finditer(text)``."""
        if self._need is not None and self._need(text) is None:
            return iter(())
        return self.rx.finditer(text)


class EdgeAffixes:
    """spaCy's prefix (or suffix) regex, searched with only the pieces that can start (end)
    with the string's first (last) character.

    Every prefix match starts at the string's start and every suffix match ends at its end
    (``"^" + piece``, ``piece + "$"``), so a piece whose matches cannot start (end) with that
    character cannot match: without it the regex finds the same span.  The pieces for each
    character are compiled once, when the character is first seen.

    >>> suffixes = EdgeAffixes([r"(?<=[0-9])(?:bn|m)", "'s", ","], last=True)
    >>> suffixes.search("35m").span(), suffixes.search("Labour's").span(), suffixes.search("said") is None
    ((2, 3), (6, 8), True)
    """

    def __init__(self, pieces: list[str], last: bool = False) -> None:
        self.pieces = [p for p in pieces if p.strip()]
        self.last = last
        self._compile = compile_suffix_regex if last else compile_prefix_regex
        self.full = AffixRegex(self._compile(self.pieces))
        self.pattern = self.full.pattern
        self._edges = [fastscan.edge_chars(re.compile(p), last) for p in self.pieces]
        self._by_char: dict[str, Callable[[str], re.Match[str] | None]] = {}

    def __reduce__(self) -> tuple:
        return (type(self), (self.pieces, self.last))

    def _for_char(self, char: str) -> Callable[[str], re.Match[str] | None]:
        """The search over the pieces that can start (end) with ``char``."""
        if len(char) != 1 or char == "\n":  # "$" also matches before a final newline
            return self.full.search
        kept = [p for p, edge in zip(self.pieces, self._edges) if edge is None or edge.match(char)]
        if not kept:
            return _no_match
        if len(kept) == len(self.pieces):
            return self.full.search
        return AffixRegex(self._compile(kept)).search

    def search(self, text: str) -> re.Match[str] | None:
        """``rx.search(text)`` of the whole regex (the same span)."""
        char = text[-1:] if self.last else text[:1]
        found = self._by_char.get(char)
        if found is None:
            found = self._by_char[char] = self._for_char(char)
        return found(text)


def _no_match(text: str) -> None:
    return None


def customize_tokenizer(nlp: Language) -> None:
    """Add the figure fixes to ``nlp.tokenizer`` (idempotent)."""
    tok = nlp.tokenizer
    if getattr(nlp, "meta", {}).get(_MARK):
        return
    prefixes = PREFIXES + list(nlp.Defaults.prefixes or [])
    suffixes = SUFFIXES + list(nlp.Defaults.suffixes or [])
    infixes = list(nlp.Defaults.infixes or []) + INFIXES
    tok.prefix_search = EdgeAffixes(prefixes).search
    tok.suffix_search = EdgeAffixes(suffixes, last=True).search
    tok.infix_finditer = AffixRegex(compile_infix_regex(infixes)).finditer
    if tok.url_match is not None and hasattr(tok.url_match, "__self__"):
        tok.url_match = AffixRegex(tok.url_match.__self__).match
    rules = dict(tok.rules or {})
    if any(key in rules for key in _DROP_SPECIALS):
        tok.rules = {k: v for k, v in rules.items() if k not in _DROP_SPECIALS}
    nlp.meta[_MARK] = True
