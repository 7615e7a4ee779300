"""``electx_offices``: office words and titles from the country packs, normalized.

Writes ``doc.spans["electx_offices"]``: label OFFICE for role words ("shadow chancellor",
"Middlesbrough mayor", "ambassador to India") and TITLE for honorifics ("Mr", "Lord",
"Rep."); ``span._.electx_offices`` = {"office", "jurisdiction", "status", "rule"}.  The span
covers the role words only (not the status word or the owning party); a TITLE's office is
the office it implies (``Rep.`` -> representative) or None.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..people_cues import NOT_PARTY_OWNERS
from ..rules import Gazetteer, OfficeEntry, cached_packs
from ..spans import OFFICES, PARTIES
from .parties import CountryCues, group_data, write_group

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "new", "now", "also", "then",
                "outgoing", "incumbent", "acting", "interim", "former", "retiring", "current", "sitting"}
_POSSESSIVE = {"'s", "'", "’s", "’"}


@dataclass(frozen=True)
class _Office:
    country: str
    entry: OfficeEntry


def country_scores(doc: Doc, cues: CountryCues | None = None,
                   parties: list[tuple[int, int, dict]] | None = None) -> Counter:
    """Evidence for each country: the parties already found, plus the packs' cue words;
    ``parties``: :func:`_party_spans` when the caller has it."""
    scores: Counter = Counter()
    for _s, _e, data in _party_spans(doc) if parties is None else parties:
        if data.get("country"):
            scores[data["country"]] += 2
    if cues is not None:
        scores.update(cues.counts(doc))
    return scores


def _lower_words(items: list[str]) -> set[str]:
    return {w.lower() for w in items}


class OfficeTagger:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gaz = gazetteer
        self.forms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.case_forms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.not_offices = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues = CountryCues(nlp, gazetteer)
        self.offices: dict[str, list[_Office]] = {}
        self.title_data: dict[str, list[tuple[str, object]]] = {}
        self.portfolio: dict[str, set[str]] = {}
        self.body_words: dict[str, set[str]] = {}
        self.shadow: dict[str, set[str]] = {}
        self.status: dict[str, dict[str, list[list[str]]]] = {}
        self.tenure: dict[str, set[str]] = {}
        for code, pack in gazetteer.packs.items():
            of = pack.offices
            self.portfolio[code] = _lower_words(of.portfolio_words)
            self.body_words[code] = _lower_words(of.body_words)
            self.shadow[code] = _lower_words(of.shadow_words)
            self.status[code] = {k: [w.lower().split() for w in v] for k, v in of.status_words.model_dump().items()}
            self.tenure[code] = {" " + w.lower() + " " for w in of.status_words.tenure}
            if of.not_offices:
                self.not_offices.add("NOT", [nlp.make_doc(w) for w in of.not_offices])
            for entry in of.offices:
                for form in entry.forms:
                    key = "L|" + form.lower()
                    if key not in self.offices:
                        self.forms.add(key, [nlp.make_doc(form.lower())])
                    self.offices.setdefault(key, []).append(_Office(code, entry))
                for form in entry.case_forms:
                    key = "C|" + form
                    if key not in self.offices:
                        self.case_forms.add(key, [nlp.make_doc(form)])
                    self.offices.setdefault(key, []).append(_Office(code, entry))
            for title in pack.titles.titles:
                for form in title.forms:
                    if form not in self.title_data:
                        self.titles.add(form, [nlp.make_doc(form)])
                    self.title_data.setdefault(form, []).append((code, title))

    def _pick(self, options: list, scores: Counter):
        order = {c: i for i, c in enumerate(self.gaz.countries)}
        return max(options, key=lambda o: (scores.get(o[0] if isinstance(o, tuple) else o.country, 0),
                                           -order.get(o[0] if isinstance(o, tuple) else o.country, 99)))

    def _foreign_title(self, code: str, office: str, scores: Counter) -> bool:
        """A title implying its own country's seat ("Deputy" -> an Irish TD) in an article whose
        country cues point elsewhere."""
        pack = self.gaz.packs.get(code)
        seat = pack.roles.seat_office if pack is not None and pack.roles is not None else None
        return office == seat and any(scores.values()) and not scores.get(code, 0)

    def _ranked(self, options: list[_Office], scores: Counter) -> list[_Office]:
        """The packs' readings of one form, the article's likeliest country first."""
        order = {c: i for i, c in enumerate(self.gaz.countries)}
        return sorted(options, key=lambda o: (-scores.get(o.country, 0), order.get(o.country, 99)))

    def __call__(self, doc: Doc) -> Doc:
        parties = _party_spans(doc)
        scores = country_scores(doc, self.cues, parties)
        party_at = _party_index(parties)
        not_offices = [(s, e) for _m, s, e in self.not_offices(doc)]
        cands: list[tuple[int, int, str, str]] = []  # start, end, key, kind
        for m, s, e in self.forms(doc):
            cands.append((s, e, doc.vocab.strings[m], "OFFICE"))
        for m, s, e in self.case_forms(doc):
            if s > 0 and doc[s - 1].like_num:  # "10 PM"
                continue
            cands.append((s, e, doc.vocab.strings[m], "OFFICE"))
        for m, s, e in self.titles(doc):
            cands.append((s, e, doc.vocab.strings[m], "TITLE"))
        used: set[int] = set()
        spans: list[tuple[Span, dict]] = []
        office_starts = {c[0] for c in cands if c[3] == "OFFICE"}
        for s, e, key, kind in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
            if used & set(range(s, e)):
                continue
            if kind == "TITLE":
                if not _before_name(doc, e):
                    continue
                code, title = self._pick(self.title_data[key], scores)
                office = title.office
                if office and (e in office_starts or self._foreign_title(code, office, scores)):
                    continue  # "Deputy Mayor Jane Roe"; "Deputy" (a TD) only in an Irish story
                span = Span(doc, s, e, label="TITLE")
                data = {"office": office, "jurisdiction": title.jurisdiction, "status": "current",
                        "rule": f"title.{title.id}"}
                span._.set(OFFICES, data)
            else:
                if _blocked(not_offices, s, e) or s in party_at:
                    continue
                made = None
                ranked = self._ranked(self.offices[key], scores)
                for off in ranked:  # another country's reading only with evidence for that country
                    if off.country != ranked[0].country and scores.get(off.country, 0) < scores.get(ranked[0].country, 0):
                        continue
                    made = self._office_span(doc, s, e, off, party_at)
                    if made is not None:
                        break
                if made is None:
                    continue
                span, data = made
            used |= set(range(span.start, span.end))
            spans.append((span, data))
        spans.sort(key=lambda sd: sd[0].start)
        write_group(doc, OFFICES, spans)
        return doc

    # -- one office --------------------------------------------------------------------

    def _office_span(self, doc: Doc, s: int, e: int, off: _Office, party_at: dict) -> tuple[Span, dict] | None:
        """The office span at doc[s:e] read as ``off`` (widened over portfolio, shadow and party
        words) with its ``span._.electx_offices`` data, or None when this reading does not hold."""
        entry, code = off.entry, off.country
        office = entry.office
        rule = f"office.{entry.id}"
        if entry.portfolio:
            while s > 0 and doc[s - 1].lower_ in self.portfolio[code] and doc[s - 1].lower_ != "and" \
                    or s > 1 and doc[s - 1].lower_ == "and" and doc[s - 2].lower_ in self.portfolio[code]:
                s -= 1
            office = " ".join(t.lower_ for t in doc[s:e])
            if _singular(office) == "secretary":
                return None  # a bare "secretary" is not an office
        if entry.portfolio_after:
            k = _portfolio_after(doc, e, entry.portfolio_after, self.portfolio[code])
            if k > e:
                office = " ".join([office] + [t.lower_ for t in doc[e:k]])
                e = k
        if entry.extend_right:
            k = e
            while k < len(doc) and k - e < 3 and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in ("of", "and", "the", "to"):
                k += 1
            if k == e:
                return None
            office = " ".join([entry.office] + [t.lower_ for t in doc[e:k]])
            e = k
        scope = entry.scope
        if s > 0 and doc[s - 1].lower_ in self.shadow[code]:
            s -= 1
            office = "shadow " + office
            scope = "party"
            rule += ".shadow"
        office = _singular(office)
        jurisdiction = entry.jurisdiction
        owner = self._owner_party(doc, s, party_at)
        if entry.party_suffixes:
            office = _party_suffixed(doc, e, party_at, entry.party_suffixes, office)
        if owner and entry.party_prefixes:
            s, office = _party_prefixed(doc, s, owner, party_at, entry.party_prefixes, office)
        if scope == "national":
            jurisdiction = jurisdiction or self.gaz.packs[code].offices.national_jurisdiction
        elif scope == "party":
            if owner:
                jurisdiction = owner
            elif entry.needs_institution:
                body = _body_before(doc, s) or _of_party(doc, e, party_at) or _body_after(doc, e, self.body_words[code])
                if not body:
                    return None
                jurisdiction = body
            elif office.startswith("shadow "):
                jurisdiction = None
        elif scope in ("local", "body") and not jurisdiction:
            jurisdiction = self._place(doc, s, e, code, party_at)
        elif scope == "foreign":
            jurisdiction = _after(doc, e, ("to",))
        span = Span(doc, s, e, label="OFFICE")
        data = {"office": office, "jurisdiction": jurisdiction, "status": self._status(doc, s, e, code), "rule": rule}
        span._.set(OFFICES, data)
        return span, data

    def _owner_party(self, doc: Doc, s: int, party_at: dict) -> str | None:
        """The party right before the office ("Tory leader", "UKIP's chairman", "the party's treasurer")."""
        k = s - 1
        while k >= 0 and (doc[k].lower_ in _STATUS_SKIP or doc[k].text in _POSSESSIVE):
            k -= 1
        if k >= 0 and k in party_at:
            return party_at[k]
        if k >= 0 and doc[k].lower_ == "party" and k + 1 < len(doc) and doc[k + 1].text in _POSSESSIVE:
            return _previous_party(doc, k, party_at)
        if k >= 0 and doc[k].lower_ in ("its", "their"):
            return _recent_party(doc, k, party_at)  # "The Green Party said its deputy leader"
        return None

    def _place(self, doc: Doc, s: int, e: int, code: str, party_at: dict) -> str | None:
        """'Middlesbrough mayor', 'London Assembly member', 'Mayor of Los Angeles', 'MP for Hartlepool'."""
        first = doc[s]
        include_first = first.is_title and first.lower_ in self.body_words[code]
        k = s
        def place_tok(i: int) -> bool:
            return _name_like(doc[i]) and i not in party_at and (
                doc[i].lower_ not in _DETERMINERS or doc[i].text == "New" and i + 1 < s and place_tok(i + 1))

        while k > 0 and s - k < 4 and place_tok(k - 1) and not doc[k - 1].is_sent_start:
            k -= 1
        if k > 0 and s - k < 4 and doc[k - 1].is_sent_start and place_tok(k - 1):
            k -= 1
        if k < s:
            end = s + 1 if include_first else s
            return doc[k:end].text
        return _after(doc, e, ("of", "for", "from", "in"))

    def _status(self, doc: Doc, s: int, e: int, code: str) -> str:
        """former / nominated / elect / current from the words just before (or '-elect' after)."""
        if e + 1 < len(doc) and doc[e].text in ("-", "–") and doc[e + 1].lower_ == "elect":
            return "elect"
        window = [t.lower_ for t in doc[max(0, s - 6):s]]
        cut = max((i for i, w in enumerate(window) if w in (",", ";", ".", "and", "but")), default=-1)
        window = window[cut + 1:]
        joined = " " + " ".join(window) + " "
        for status in ("former", "nominated", "elect", "current"):
            for words in self.status[code][status]:
                phrase = " " + " ".join(words) + " "
                if phrase in joined:
                    if status == "former" and phrase in self.tenure[code] and _still_holds(doc, joined, phrase, e):
                        return "current"  # "has served as governor since 2015"
                    return status
        return "current"


_PERFECT = {"has", "have", "currently", "still", "now"}
_CLAUSE_END = {",", ";", ".", "and", "but", "who", "which", "when", "(", ")"}


def _still_holds(doc: Doc, joined: str, phrase: str, e: int) -> bool:
    """A verb phrase that usually marks a past post ('served as') in the present perfect or with
    'since' / 'currently' after the office: 'has served as governor since 2015'."""
    before = joined[:joined.index(phrase)].split()
    if before and before[-1] in _PERFECT:
        return True
    for k in range(e, min(len(doc), e + 8)):
        w = doc[k].lower_
        if w in _CLAUSE_END:
            break
        if w in ("since", "currently", "still"):
            return True
    return False


_STATUS_SKIP = {"former", "ex", "-", "then", "current", "new", "acting", "interim", "deputy", "the", "a", "joint"}


def _party_prefixed(doc: Doc, s: int, owner: str, party_at: dict, prefixes: dict[str, str], office: str) -> tuple[int, str]:
    """'State Republican Party Chair': a prefix word before the owning party renames the office
    and starts its span; otherwise (s, office) unchanged."""
    k = s
    while k > 0 and (doc[k - 1].lower_ in _STATUS_SKIP or doc[k - 1].text in _POSSESSIVE) and (k - 1) not in party_at:
        k -= 1
    if k == 0 or party_at.get(k - 1) != owner:
        return s, office
    while k > 0 and party_at.get(k - 1) == owner:
        k -= 1
    if k > 0 and doc[k - 1].lower_ in prefixes:
        return k - 1, prefixes[doc[k - 1].lower_]
    return s, office


def _party_suffixed(doc: Doc, e: int, party_at: dict, suffixes: dict[str, str], office: str) -> str:
    """'leader of the Labour group': a word right after the party the office is 'of' renames it."""
    party = _of_party(doc, e, party_at)
    if party is None:
        return office
    k = e + 1 + (doc[e + 1].lower_ == "the")
    while k < len(doc) and party_at.get(k) == party:
        k += 1
    return suffixes.get(doc[k].lower_, office) if k < len(doc) else office


def _portfolio_after(doc: Doc, e: int, links: list[str], portfolio: set[str]) -> int:
    """End of 'for Local Government' / 'of State for Agriculture' after an office ending at e:
    a link, then (after an optional 'the') portfolio words only (so a name after them stays out);
    e when there is none."""
    for link in sorted((ln.lower().split() for ln in links), key=len, reverse=True):
        n = len(link)
        if e + n >= len(doc) or [t.lower_ for t in doc[e:e + n]] != link:
            continue
        k = e + n + (doc[e + n].lower_ == "the")
        j = k
        while j < len(doc) and j - k < 5 and doc[j].lower_ in portfolio and doc[j].lower_ != "and" \
                or j > k and j + 1 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].lower_ in portfolio:
            j += 1
        if j > k:
            return j
    return e


def _blocked(not_offices: list[tuple[int, int]], s: int, e: int) -> bool:
    """A non-office phrase overlaps tokens s..e, unless it sits inside a longer office form
    ('director' in 'elections director').

    >>> _blocked([(2, 3)], 1, 3), _blocked([(2, 3)], 2, 3), _blocked([(0, 2)], 1, 3)
    (False, True, True)
    """
    return any(bs < e and s < be and not (s <= bs and be <= e and be - bs < e - s) for bs, be in not_offices)


def _plural_of(base: str) -> set[str]:
    last = base.split()[-1]
    return {last + "s", last + "es"}


def _singular(office: str) -> str:
    """'ministers' -> 'minister', 'assembly members' -> 'assembly member', 'mps' kept.

    >>> _singular("assembly members")
    'assembly member'
    >>> _singular("peers")
    'peer'
    """
    words = office.split()
    last = words[-1]
    if last.endswith("s") and len(last) > 3 and not last.endswith(("ss", "us", "is")):
        words[-1] = last[:-1]
    return " ".join(words)


def _name_like(tok: Token) -> bool:
    return tok.is_title or (tok.is_upper and tok.is_alpha and len(tok) > 1)


def _before_name(doc: Doc, e: int) -> bool:
    return e < len(doc) and (doc[e].is_title or doc[e].text[:1].isupper()) and doc[e].is_alpha


def _after(doc: Doc, e: int, preps: tuple[str, ...]) -> str | None:
    """The capitalized name after 'to'/'of'/'for' ('ambassador to India' -> 'India')."""
    if e < len(doc) and doc[e].lower_ in preps:
        k = e + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        j = k
        while j < len(doc) and j - k < 5 and (doc[j].is_title or doc[j].is_upper and doc[j].is_alpha
                                              or (doc[j].lower_ in ("of", "and", "-") and j + 1 < len(doc) and doc[j + 1].is_title)):
            j += 1
        while j > k and doc[j - 1].lower_ in ("of", "and", "-"):
            j -= 1
        if j > k:
            return doc[k:j].text
    return None


def _body_before(doc: Doc, s: int) -> str | None:
    """A named body owning a post: 'Electoral Commission chairman' (every word capitalized)."""
    k = s
    while k > 0 and s - k < 4 and (doc[k - 1].is_title or doc[k - 1].is_upper and doc[k - 1].is_alpha) \
            and doc[k - 1].lower_ not in _DETERMINERS:
        k -= 1
        if doc[k].is_sent_start:
            break
    if k < s and s - k >= 1 and not (s - k == 1 and doc[k].is_title and doc[k].lower_ in ("yes", "no")):
        return doc[k:s].text if s - k >= 2 or doc[k].is_upper else None
    return None


def _body_after(doc: Doc, e: int, body_words: set[str]) -> str | None:
    """A named body after the post: 'chairman of the 1922 Committee', 'chair of the Electoral Commission'."""
    k = e + 1
    if e >= len(doc) or doc[e].lower_ != "of":
        return None
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    j = k
    while j < len(doc) and j - k < 4 and (doc[j].is_title or doc[j].is_digit) and not doc[j].is_sent_start:
        j += 1
        if doc[j - 1].lower_ in body_words:
            return doc[k:j].text if j - k >= 2 else None
    return None


def _of_party(doc: Doc, e: int, party_at: dict) -> str | None:
    """'leader of the Conservative Party'."""
    k = e
    if k < len(doc) and doc[k].lower_ == "of":
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        return party_at.get(k)
    return None


def _party_spans(doc: Doc) -> list[tuple[int, int, dict]]:
    """(start, end, ``span._.electx_parties`` or {}) of every party span, read once."""
    return [(span.start, span.end, data or {}) for span, data in group_data(doc, PARTIES)]


def _party_index(parties: list[tuple[int, int, dict]]) -> dict[int, str]:
    """token index -> canonical party name, for every token of every party span (:func:`_party_spans`)."""
    out: dict[int, str] = {}
    for start, end, data in parties:
        name = data.get("name")
        for i in range(start, end):
            out[i] = name
    return out


def _recent_party(doc: Doc, k: int, party_at: dict) -> str | None:
    """The party an 'its' / 'their' at token k stands for: the last party named in its sentence or
    the one before, with no other owning body ('council', 'government') named in between."""
    start = doc[k].sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for i in range(k - 1, start - 1, -1):
        if i in party_at:
            return party_at[i]
        if doc[i].lower_ in NOT_PARTY_OWNERS:
            return None
    return None


def _previous_party(doc: Doc, k: int, party_at: dict) -> str | None:
    """The last party named before token k ("the party's treasurer")."""
    for i in range(k - 1, -1, -1):
        if i in party_at:
            return party_at[i]
    return None


@Language.factory(
    "electx_offices",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"countries": ["us", "uk"], "rules_dirs": []},
)
def make_offices(nlp: Language, name: str, countries: list[str], rules_dirs: list[str]) -> OfficeTagger:
    """Office and title mentions from the country packs ``countries`` plus ``rules_dirs``."""
    return OfficeTagger(nlp, name, cached_packs(tuple(countries), tuple(str(p) for p in rules_dirs)))
