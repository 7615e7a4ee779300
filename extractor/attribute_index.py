"""A faster ``attribute_ruler``: the same patterns answered from an index.

spaCy's general ``Matcher`` took ~12% of the statistical pipeline's time on the model's
``attribute_ruler`` patterns. :class:`IndexedAttributeMatcher` indexes those patterns by tag
and lower-case form and returns the same matches in the same order; a pattern it does not
understand makes it refuse (ValueError) so the stock matcher stays. See BENCHMARKS.md.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token


TokenTest = Callable[[Token], bool]
_ATTR_GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text, "POS": lambda t: t.pos_, "NORM": lambda t: t.norm_,
    "IS_SPACE": lambda t: t.is_space, "IS_PUNCT": lambda t: t.is_punct, "IS_DIGIT": lambda t: t.is_digit,
}


def _value_test(get: Callable[[Token], Any], spec: Any) -> TokenTest | None:
    """A test for one ``{ATTR: spec}`` of a Matcher token pattern, or None if unsupported."""
    if isinstance(spec, (str, bool)):
        return lambda t: get(t) == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda t: get(t) in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda t: get(t) not in banned
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda t: search(get(t)) is not None
    return None


def _token_test(pattern: dict[str, Any]) -> TokenTest | None:
    tests = []
    for attr, spec in pattern.items():
        get = _ATTR_GETTERS.get(attr)
        test = _value_test(get, spec) if get else None
        if test is None:
            return None
        tests.append(test)
    return lambda t: all(test(t) for test in tests)


def _index_keys(first: dict[str, Any], attr: str) -> list[str] | None:
    """The values of ``attr`` a first token must have (None: any value)."""
    spec = first.get(attr)
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and list(spec) == ["IN"] and all(isinstance(v, str) for v in spec["IN"]):
        return list(spec["IN"])
    return None


class IndexedAttributeMatcher:
    """The matches of an ``AttributeRuler``'s fixed-length patterns, found through an index.

    Returns what ``AttributeRuler.match`` returns: ``(attr_id, match_id, start, end)`` sorted.
    The first token of each pattern is looked up by (tag, lower-case form), else by dependency
    label or whitespace flag; a first token known only by a regex on its lower-case form is
    tested once per distinct form.  Every other token test runs as the Matcher would.
    """

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        # (tag hash or 0, lower hash or 0) -> slots; 0 = any value
        self.index: dict[tuple[int, int], list[int]] = {}
        self.by_dep: dict[int, list[int]] = {}
        self.by_space: dict[bool, list[int]] = {}
        self.anywhere: list[int] = []
        self._anywhere_for: dict[int, tuple[int, ...]] = {}  # lower hash -> slots (memo)
        # (attr_id, match_id, length, token tests); no tests: the index lookup decides
        self.patterns: list[tuple[int, int, int, list[TokenTest]]] = []
        self._first: list[TokenTest] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            for pattern in ruler.matcher.get(strings[key])[1]:
                tests = [_token_test(p) for p in pattern]
                if not pattern or any(t is None for t in tests):
                    raise ValueError(f"unsupported attribute_ruler pattern {pattern!r}")
                slot = len(self.patterns)
                first = pattern[0]
                self._first.append(_token_test({k: v for k, v in first.items() if k == "LOWER"}) or (lambda t: True))
                tags, lowers, deps = (_index_keys(first, "TAG"), _index_keys(first, "LOWER"),
                                      _index_keys(first, "DEP"))
                indexed = {"TAG": tags, "LOWER": lowers}
                if len(pattern) == 1 and first and all(indexed.get(k) is not None for k in first):
                    tests = []  # every constraint is an exact index key
                self.patterns.append((attr_id, strings[key], len(pattern), tests))  # type: ignore[arg-type]
                if tags or lowers:
                    for tag in dict.fromkeys(tags or [None]):
                        for lower in dict.fromkeys(lowers or [None]):
                            pair = (strings.add(tag) if tag else 0, strings.add(lower) if lower else 0)
                            self.index.setdefault(pair, []).append(slot)
                elif deps:
                    for dep in dict.fromkeys(deps):
                        self.by_dep.setdefault(strings.add(dep), []).append(slot)
                elif isinstance(first.get("IS_SPACE"), bool):
                    self.by_space.setdefault(first["IS_SPACE"], []).append(slot)
                else:
                    self.anywhere.append(slot)

    def _anywhere(self, lower: int, token: Token) -> tuple[int, ...]:
        """The "anywhere" slots whose first-token LOWER test passes for this form."""
        found = self._anywhere_for.get(lower)
        if found is None:
            found = self._anywhere_for[lower] = tuple(s for s in self.anywhere if self._first[s](token))
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found = []
        n = len(doc)
        index, by_dep, by_space, patterns, none = self.index, self.by_dep, self.by_space, self.patterns, ()
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if n else []
        for i, (tag, lower, dep, space) in enumerate(rows):
            slots = (*index.get((tag, lower), none), *index.get((tag, 0), none), *index.get((0, lower), none),
                     *by_dep.get(dep, none), *by_space.get(bool(space), none),
                     *(self._anywhere(lower, doc[i]) if self.anywhere else none))
            for slot in slots:
                attr_id, match_id, length, tests = patterns[slot]
                if not tests or (i + length <= n and all(test(doc[i + k]) for k, test in enumerate(tests))):
                    found.append((attr_id, match_id, i, i + length))
        return sorted(set(found))  # a pattern reachable through two index keys counts once


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Swap the ``attribute_ruler``'s matching for :class:`IndexedAttributeMatcher` (True if done)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = IndexedAttributeMatcher(ruler)
    except ValueError:
        return False
    return True
