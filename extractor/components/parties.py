"""``electx_parties``: party mentions from the country packs (PhraseMatcher over the aliases).

Writes ``doc.spans["electx_parties"]`` (label PARTY, ``span.id_`` = ``<cc>:party:<id>``,
``span._.electx_parties`` = {"name", "country", "alias", "rule"}).  Weak aliases
("Green", "independent") count only in context; blocked phrases ("Independent on Sunday")
never count; an alias shared by two countries is resolved by the article's country cues.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from ..doctext import doc_cache
from ..rules import Gazetteer, cached_packs
from ..spans import PARTIES
from ._figures import doc_text

LABEL = "PARTY"
_DISCOVERY_CUES = ("new party", "party called", "party named")
_ABBREV_STATE = re.compile(r"^[A-Z][A-Za-z.]{0,12}$")  # "D-Texas", "R-N.C."
_CUE_SETS: dict[tuple, int] = {}  # the token sequences of a set of country cues -> its number (see CountryCues)


def write_group(doc: Doc, key: str, spans: list[tuple[Span, dict]]) -> None:
    """``doc.spans[key]`` = the spans, keeping each span's ``span._.<key>`` data for
    :func:`group_data` (the components after read it without an extension lookup per span)."""
    doc.spans[key] = [span for span, _data in spans]
    group = doc.spans[key]
    doc_cache(doc)[("group_data", key)] = (group, len(group), [data for _span, data in spans])


def group_data(doc: Doc, key: str) -> list[tuple[Span, dict | None]]:
    """(span, ``span._.<key>``) for each span of ``doc.spans[key]``, in the group's order: the
    data :func:`write_group` kept while the group is the one it wrote, else read per span."""
    group = doc.spans[key] if key in doc.spans else None
    if group is None:
        return []
    hit = doc_cache(doc).get(("group_data", key))
    if hit is not None and hit[0] is group and hit[1] == len(group):
        return list(zip(group, hit[2]))
    return [(span, span._.get(key)) for span in group]


class CountryCues:
    """The packs' country cue words (``parties.json``) in one PhraseMatcher.

    The party, office and people components each hold one; :meth:`counts` finds the cues once
    per Doc and shares them (through ``doc_cache``) with every holder built over the same cue
    token sequences.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        signature = []
        for code, pack in gazetteer.packs.items():
            cues = pack.parties.all_cues()
            if cues:
                docs = [nlp.make_doc(c) for c in cues]
                self.matcher.add(code, docs)
                signature.append((code, tuple(tuple(t.orth for t in d) for d in docs)))
        self.key = ("country_cues", _CUE_SETS.setdefault(tuple(signature), len(_CUE_SETS)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches, as ``PhraseMatcher.__call__`` gives them."""
        return self.matcher(doc)

    def counts(self, doc: Doc) -> Counter:
        """{country code: number of cue matches} for the Doc (a fresh Counter: callers may add to it)."""
        cache = doc_cache(doc)
        hit = cache.get(self.key)
        if hit is None:
            strings = doc.vocab.strings
            hit = cache[self.key] = Counter(strings[m] for m, _s, _e in self.matcher(doc))
        return Counter(hit)


class PartyTagger:
    """Finds party mentions; holds the gazetteer the other person/office components share."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gaz = gazetteer
        self.title_forms = {f for p in gazetteer.packs.values() for t in p.titles.titles for f in t.forms}
        self.not_name = {w for p in gazetteer.packs.values() for w in p.roles.not_name_words}
        self.strong = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.weak = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.blocked = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.cues = CountryCues(nlp, gazetteer)
        self.abbrev_ids: dict[str, set[str]] = {}
        weak_forms: set[str] = set()
        for rec in gazetteer.by_id.values():
            weak_forms.update(rec.entry.weak_aliases)
            for ab in rec.entry.abbreviations:
                self.abbrev_ids.setdefault(ab, set()).add(rec.gid)
        for alias in gazetteer.by_alias:
            target = self.weak if alias in weak_forms else self.strong
            target.add(alias, [nlp.make_doc(alias)])
        self.org_after: set[str] = set()
        self.org_before: set[str] = set()
        self.occupation_after: set[str] = set()
        for code, pack in gazetteer.packs.items():
            self.org_after.update(pack.parties.organisation_after)
            self.org_before.update(pack.parties.organisation_before)
            self.occupation_after.update(pack.parties.occupation_after)
            if pack.parties.blocked_phrases:
                self.blocked.add("BLOCK", [nlp.make_doc(p) for p in pack.parties.blocked_phrases])
        self._abbrev_orths = {nlp.vocab.strings.add(ab) for ab in self.abbrev_ids}
        # a discovery cue ("new party") can only match where its first and second words stand
        self._discovery_firsts = {nlp.vocab.strings.add(c.split()[0]) for c in _DISCOVERY_CUES}
        self._discovery_seconds = {nlp.vocab.strings.add(c.split()[1]) for c in _DISCOVERY_CUES}

    def abbreviation_matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) token spans of "D-Texas" and "D)": what the ``abbrev`` Matcher finds,
        from one array of token ids and a set lookup instead of a Python predicate per token."""
        if not self.abbrev_ids or not len(doc):
            return []
        ids = self._abbrev_orths
        out = []
        n = len(doc)
        for i in [i for i, o in enumerate(doc.to_array(ORTH).tolist()) if o in ids]:
            if i + 1 >= n:
                continue
            nxt = doc[i + 1].text
            if nxt == ")":
                out.append((i, i + 2))
            elif nxt == "-" and i + 2 < n and _ABBREV_STATE.search(doc[i + 2].text):
                out.append((i, i + 3))
        return out

    # -- country context -------------------------------------------------------------

    def country_scores(self, doc: Doc, strong: list[tuple[int, int, int]] | None = None) -> Counter:
        """How strongly the article points at each loaded country (cue words, unambiguous parties);
        ``strong`` is ``self.strong(doc)`` when the caller already has it."""
        scores = self.cues.counts(doc)
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in (self.strong(doc) if strong is None else strong)]
        inside = _inside_longer([(s, e) for _a, s, e in matches])
        for (alias, s, e), nested in zip(matches, inside):
            if nested:
                continue  # "Democrats" inside "Social Democrats"
            ids = self.gaz.by_alias.get(alias, set())
            if len(ids) == 1:
                scores[next(iter(ids)).split(":")[0]] += 2
        return scores

    def resolve(self, ids: set[str], scores: Counter) -> str:
        """Pick one id for an alias; ties go to the first country in the loaded order."""
        order = {c: i for i, c in enumerate(self.gaz.countries)}
        return max(sorted(ids), key=lambda i: (scores.get(i.split(":")[0], 0), -order.get(i.split(":")[0], 99)))

    # -- matching ---------------------------------------------------------------------

    def _blocked(self, doc: Doc) -> list[tuple[int, int]]:
        return [(s, e) for _m, s, e in self.blocked(doc)]

    def __call__(self, doc: Doc) -> Doc:
        strong = self.strong(doc)
        scores = self.country_scores(doc, strong)
        blocked = self._blocked(doc)
        found: list[tuple[int, int, str, str, str]] = []  # start, end, gid, alias, rule
        confirmed: set[str] = set()
        for match_id, start, end in strong:
            alias = doc.vocab.strings[match_id]
            if self._is_blocked(doc, start, end, blocked) or self._followed_badly(doc, end, alias) \
                    or self._in_organisation(doc, start, end):
                continue
            gid = self.resolve(self.gaz.by_alias[alias], scores)
            confirmed.add(self.gaz.by_id[gid].name)
            found.append((start, end, gid, alias, "party.alias"))
        for match_id, start, end in self.weak(doc):
            alias = doc.vocab.strings[match_id]
            if self._is_blocked(doc, start, end, blocked) or self._in_organisation(doc, start, end):
                continue
            gid = self.resolve(self.gaz.by_alias[alias], scores)
            rule = self._weak_ok(doc, start, end, gid, confirmed)
            if rule:
                found.append((start, end, gid, alias, rule))
        for start, end in self.abbreviation_matches(doc):
            prev = doc[start - 1].text if start > 0 else ""
            if prev not in ("(", ",", "[", "—", "–"):
                continue
            if doc[end - 1].text == ")":  # "(D)": only the letter is the party
                if prev != "(":
                    continue
                end -= 1
            ab = doc[start].text
            gid = self.resolve(self.abbrev_ids[ab], scores)
            found.append((start, end, gid, ab, "party.abbreviation"))
        found += self._discover(doc, found)
        spans = []
        for start, end, gid, alias, rule in _longest_first(found):
            rec = self.gaz.by_id.get(gid)
            span = Span(doc, start, end, label=LABEL, span_id=gid)
            name = rec.name if rec else alias
            country = rec.country if rec else None
            data = {"name": name, "country": country, "alias": alias, "rule": rule}
            span._.set(PARTIES, data)
            spans.append((span, data))
        spans.sort(key=lambda sd: sd[0].start)
        write_group(doc, PARTIES, spans)
        return doc

    @staticmethod
    def _is_blocked(doc: Doc, start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
        return any(bs <= start and end <= be and (be - bs) > (end - start) for bs, be in blocked)

    def _in_organisation(self, doc: Doc, start: int, end: int) -> bool:
        """'Central Coast Labor Council', 'Department of Labor', 'Labour lawyer': the party word
        names an organisation or a field of work, not the party."""
        if end < len(doc):
            nxt = doc[end]
            if nxt.text in self.org_after or nxt.lower_ in self.occupation_after:
                return True
        return start >= 2 and doc[start - 1].text == "of" and doc[start - 2].text in self.org_before

    def _followed_badly(self, doc: Doc, end: int, alias: str) -> bool:
        if end >= len(doc):
            return False
        nxt = doc[end].lower_
        return any(nxt in self.gaz.by_id[g].entry.not_followed_by for g in self.gaz.by_alias[alias])

    def _weak_ok(self, doc: Doc, start: int, end: int, gid: str, confirmed: set[str]) -> str | None:
        """A weak alias counts before a party word, or (capitalized, mid-sentence) once the
        party is named by a strong alias elsewhere in the article."""
        entry = self.gaz.by_id[gid].entry
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in entry.not_followed_by:
            return None
        if entry.requires_next and nxt in entry.requires_next:
            return "party.weak_alias_context"
        if not entry.requires_next and doc[start].is_title:
            return "party.weak_alias"
        first = doc[start]
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.text == "(" and nxt == ")" and start >= 2 and doc[start - 2].is_title:
            return "party.weak_alias_bracket"  # "Jane Roe (Green)"
        if prev is not None and entry.noun_after and self._noun_use(doc, start, end, entry.noun_after):
            return "party.weak_alias_noun"
        if prev is not None and (entry.noun_after or first.is_title) and self._before_person(doc, end):
            return "party.weak_alias_name"
        if end + 2 < len(doc) and doc[end].text in ("'s", "’s") and doc[end + 1].is_title and doc[end + 2].is_title \
                and doc[end + 1].is_alpha and doc[end + 2].is_alpha and not doc[end + 1].is_stop:
            return "party.weak_alias_possessive"  # "ACT's Jane Roe"
        if not first.is_title or first.is_sent_start or prev is None or prev.is_punct and prev.text in "\"'“‘":
            return None
        if prev.is_title and not prev.is_sent_start:  # "Damian Green": part of a name
            return None
        if self.gaz.by_id[gid].name in confirmed:
            return "party.weak_alias_confirmed"
        return None

    @staticmethod
    def _noun_use(doc: Doc, start: int, end: int, noun_after: list[str]) -> bool:
        """'an independent,' / 'a registered independent who': the weak alias names a member.

        It counts after one of ``noun_after`` when the phrase ends there (punctuation, 'who',
        'and', a preposition), so 'an independent inquiry' stays an adjective."""
        before = " ".join(t.lower_ for t in doc[max(0, start - 2):start])
        if not any(before == w or before.endswith(" " + w) for w in noun_after):
            return False
        nxt = doc[end] if end < len(doc) else None
        return nxt is None or nxt.is_punct or nxt.lower_ in ("who", "and", "but", "in", "for", "since", "at", "on") \
            or (nxt.tag_ in ("VBD", "VBZ") and nxt.lower_ not in ("'s", "’s"))  # "an independent won"

    def _before_person(self, doc: Doc, end: int) -> bool:
        """'independent Jane Roe', 'Libertarian Jane Roe': a member word right before a PERSON
        entity's two or more capitalized words (the model may start the entity at the party word),
        also past one title ('Independent Dr Jane Roe')."""
        if not doc.has_annotation("ENT_IOB"):
            return self._before_name_shape(doc, end)
        if end + 1 < len(doc) and doc[end].text in self.title_forms and doc[end + 1].ent_type_ == "PERSON":
            end += 1  # "Independent Dr Jane Roe"
        if end >= len(doc) or doc[end].ent_type_ != "PERSON":
            return False
        k = end + 1
        while k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "I":
            k += 1
        return k - end >= 2 and all(t.is_title for t in doc[end:k])

    def _before_name_shape(self, doc: Doc, end: int) -> bool:
        """Without entities: two or three capitalized words that look like a name ('independent
        Jane Roe', 'Libertarian Dale Fenn'), none a stop word or a roles.json ``not_name_words``
        entry, ending at punctuation or a lowercase word ('independent Electoral Commission
        Office' and 'Green New Deal' stay out through the word lists and blocked phrases)."""
        start = end - 1
        if start > 0 and doc[start - 1].lower_ in ("a", "an", "the"):
            return False  # "an independent Police Complaints body": an adjective
        if end < len(doc) and doc[end].text in self.title_forms:
            end += 1  # "Independent Dr Jane Roe"
        k = end
        while k < len(doc) and k - end < 3 and doc[k].is_title and doc[k].is_alpha and not doc[k].is_stop \
                and doc[k].text not in self.not_name and doc[k].text not in self.title_forms:
            k += 1
        if k - end < 2:
            return False
        return k >= len(doc) or not doc[k].is_title or doc[k].is_punct

    def _discover(self, doc: Doc, found: list) -> list[tuple[int, int, str, str, str]]:
        """Parties the packs do not know, named in the text: "his new party, Veritas"."""
        out = []
        if len(doc) < 4:
            return out
        lower = doc.to_array(LOWER).tolist()
        firsts, seconds = self._discovery_firsts, self._discovery_seconds
        starts = [i for i in range(len(doc) - 3) if lower[i] in firsts and lower[i + 1] in seconds]
        if not starts:
            return out  # no cue's words side by side
        taken = {i for s, e, *_ in found for i in range(s, e)}
        text_lower = doc_text(doc).lower()
        if not any(c in text_lower for c in _DISCOVERY_CUES):
            return out
        names: set[str] = set()
        for i in starts:
            pair = f"{doc[i].lower_} {doc[i + 1].lower_}"
            if pair not in _DISCOVERY_CUES:
                continue
            j = i + 2
            if doc[j].text == ",":
                j += 1
            k = j
            while k < len(doc) and k - j < 4 and doc[k].is_title and not doc[k].is_sent_start:
                k += 1
            if k > j and j not in taken:
                names.add(doc[j:k].text)
        for nm in names:
            slug = re.sub(r"[^a-z0-9]+", "_", nm.lower()).strip("_")
            gid = f"xx:party:{slug}"
            toks = nm.split()
            for i in range(len(doc) - len(toks) + 1):
                if [t.text for t in doc[i:i + len(toks)]] == toks and i not in taken:
                    out.append((i, i + len(toks), gid, nm, "party.discovered"))
        return out


def _inside_longer(spans: list[tuple[int, int]]) -> list[bool]:
    """Per (start, end): whether another, longer span contains it (sorted sweep, not all pairs).

    >>> _inside_longer([(0, 2), (1, 2), (0, 2), (3, 4)])
    [False, True, False, False]
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    out = [False] * len(spans)
    max_end = -1
    k = 0
    while k < len(order):
        s, e = spans[order[k]]
        j = k
        while j < len(order) and spans[order[j]] == (s, e):
            j += 1
        nested = max_end >= e  # an earlier span starts no later and ends no sooner, and differs
        for i in order[k:j]:
            out[i] = nested
        max_end = max(max_end, e)
        k = j
    return out


def _longest_first(found: list) -> list:
    """Drop matches inside a longer one (a token belongs to one party mention)."""
    out, used = [], set()
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        rng = set(range(item[0], item[1]))
        if rng & used:
            continue
        used |= rng
        out.append(item)
    return out


@Language.factory(
    "electx_parties",
    assigns=["doc.spans"],
    default_config={"countries": ["us", "uk"], "rules_dirs": []},
)
def make_parties(nlp: Language, name: str, countries: list[str], rules_dirs: list[str]) -> PartyTagger:
    """Party mentions from the country packs ``countries`` plus analysts' ``rules_dirs``."""
    return PartyTagger(nlp, name, cached_packs(tuple(countries), tuple(str(p) for p in rules_dirs)))
