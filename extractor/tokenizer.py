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
"""
from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

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
#: Special cases that would glue a scale suffix to the sentence's full stop ("£2.36m.").
_DROP_SPECIALS = ("m.", "k.")
_MARK = "_electx_figures"


def customize_tokenizer(nlp: Language) -> None:
    """Add the figure fixes to ``nlp.tokenizer`` (idempotent)."""
    tok = nlp.tokenizer
    if getattr(nlp, "meta", {}).get(_MARK):
        return
    prefixes = PREFIXES + list(nlp.Defaults.prefixes or [])
    suffixes = SUFFIXES + list(nlp.Defaults.suffixes or [])
    infixes = list(nlp.Defaults.infixes or []) + INFIXES
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    rules = dict(tok.rules or {})
    if any(key in rules for key in _DROP_SPECIALS):
        tok.rules = {k: v for k, v in rules.items() if k not in _DROP_SPECIALS}
    nlp.meta[_MARK] = True
