"""``electx_people``: people, their roles (candidate / official), parties and offices.

Mentions come from the statistical model's PERSON entities when present, plus rules that
work on a blank pipeline: capitalized names after titles and offices ("Rep. Karen Bass",
"Tory leader Michael Howard"), before speech verbs, after parties ("Labour's Elizabeth
Blackman") and in appositions ("Eric Garcetti, the current Mayor").  Name forms are merged
within the article by surname ("Bass", "Ms Bass" -> "Karen Bass"); people who only share a
first name are never merged.

Writes ``doc.spans["electx_people"]`` (label PERSON; ``span._.electx_people`` = {"name",
"person_id", "role", "rule"}) and ``doc._.electx_people`` (one record per person, see
``extractor/spans.py``).  Cue words come from the packs' ``roles.json``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..rules import Gazetteer, RaceOffice, cached_packs
from ..spans import OFFICES, PARTIES, PEOPLE

_DASHES = {"-", "–", "—", ":", ",", "(", "both", "and"}
_GROUP_GLUE = {"and", ",", "&"}
_CLAUSE_BREAK = {"if", "that", "when", "because", "while", "although", "which", "where", "so", "unless", "whether", "what"}
_POSS = ("'s", "’s", "'", "’")
_WIN_SKIP = {"the", "a", "an", "first", "second", "third", "fourth", "fifth", "sixth", "final", "his", "her", "its", "their", "yesterday", "today", "tonight", "'s", "’s", "last",
             "this", "next", "week", "year", "month", "thursday", "tuesday", "wednesday", "monday", "friday",
             "saturday", "sunday", "night"}
_ROLE_MODIFIERS = {"state", "former", "ex", "-", "then", "current", "incumbent", "sitting", "retiring", "outgoing"}
_AUX = {"has", "had", "is", "was", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does"}
_CONTEST_VERBS = {"contest", "contests", "contesting"}
_RACE_MODIFIERS = {"special", "general", "open", "-", "and", "state", "city", "federal", "provincial"}
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin-1 letters: "Ciarán", "Hélène", "Vézina"
_NAME_TOK = re.compile(rf"^[{_UP}][{_LO}]*(?:['’][{_UP}]?[{_LO}]+|[{_UP}][{_LO}]+)*[{_LO}]$"
                       rf"|^[{_UP}][{_LO}]*(?:Mc|Mac)?[{_UP}][{_LO}]+$")
_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
_PLACE_PREPS = {"in", "at", "near", "contest", "contesting", "contested", "represent", "represents", "representing",
                "constituency", "seat"}


@dataclass
class Cues:
    """The merged roles.json lists of every loaded pack (phrases as token tuples)."""

    after: list[tuple[str, ...]]
    before: list[tuple[str, ...]]
    nouns: set[str]
    win: set[str]
    election: set[str]
    negators: list[tuple[str, ...]]
    hypothetical: set[str]
    leadership: list[tuple[str, ...]]
    office_links: list[tuple[str, ...]]
    former_party: list[tuple[str, ...]]
    switch: set[str]
    party_links: list[tuple[str, ...]]
    former_markers: set[str]
    speech: set[str]
    race: list[tuple[str, ...]]
    seat_office: dict[str, str]
    not_name: set[str]
    name_intro: list[tuple[str, ...]]
    nominate: list[tuple[str, ...]]
    share_links: set[str]
    primary: list[tuple[str, ...]]
    race_nouns: list[tuple[str, ...]] = field(default_factory=list)
    race_offices: list[tuple[str, tuple[str, ...], RaceOffice]] = field(default_factory=list)  # country, form, entry
    race_not_places: set[str] = field(default_factory=set)
    coreferent: set[str] = field(default_factory=set)
    race_local: set[str] = field(default_factory=set)
    vacate: list[tuple[str, ...]] = field(default_factory=list)
    successor: list[tuple[str, ...]] = field(default_factory=list)
    cancel: set[str] = field(default_factory=set)
    loser_links: list[tuple[str, ...]] = field(default_factory=list)
    apposition_nouns: set[str] = field(default_factory=set)

    @classmethod
    def from_gazetteer(cls, gaz: Gazetteer) -> Cues:
        def phrases(key: str) -> list[tuple[str, ...]]:
            seen = {tuple(p.lower().split()) for pack in gaz.packs.values() for p in getattr(pack.roles, key)}
            return sorted(seen, key=lambda p: (-len(p), p))  # total order: same output in every process

        def words(key: str) -> set[str]:
            return {p.lower() for pack in gaz.packs.values() for p in getattr(pack.roles, key)}

        return cls(
            after=phrases("candidate_after"), before=phrases("candidate_before"), nouns=words("candidate_nouns"),
            win=words("win_verbs"), election=words("election_nouns"), negators=phrases("negators"),
            hypothetical=words("hypothetical"), leadership=phrases("leadership_cues"),
            office_links=phrases("office_links"), former_party=phrases("former_party_cues"),
            switch=words("switch_cues"), party_links=phrases("party_links"), former_markers=words("former_markers"),
            speech=words("speech_verbs"), race=phrases("race_cues"),
            seat_office={c: p.roles.seat_office for c, p in gaz.packs.items() if p.roles.seat_office},
            not_name={p for pack in gaz.packs.values() for p in pack.roles.not_name_words},
            name_intro=phrases("name_intro"), nominate=phrases("nominate_verbs"), share_links=words("share_links"),
            primary=phrases("primary_nouns"), race_nouns=phrases("race_nouns"),
            race_offices=sorted(((c, tuple(f.lower().split()), r) for c, pack in gaz.packs.items()
                                 for r in pack.roles.race_offices for f in r.forms), key=lambda x: -len(x[1])),
            race_not_places={w for pack in gaz.packs.values() for w in pack.roles.race_not_places},
            coreferent=words("coreferent_offices"), race_local=words("race_local_offices"), vacate=phrases("vacate_cues"), successor=phrases("successor_cues"),
            cancel=words("cue_cancellers"), loser_links=phrases("loser_links"), apposition_nouns=words("apposition_nouns"),
        )


@dataclass
class Person:
    key: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    rules: list[str] = field(default_factory=list)
    role: str | None = None
    evidence: str | None = None
    party: str | None = None
    party_rule: str | None = None
    former_parties: list[str] = field(default_factory=list)
    offices: list[dict] = field(default_factory=list)
    office_sought: str | None = None
    jurisdiction: str | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _find(seq: list[str], phrase: tuple[str, ...], start: int = 0) -> int:
    """Index of ``phrase`` in ``seq`` (token lists), or -1."""
    n = len(phrase)
    for i in range(start, len(seq) - n + 1):
        if tuple(seq[i:i + n]) == phrase:
            return i
    return -1


class PeopleTagger:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gaz = gazetteer
        self.cues = Cues.from_gazetteer(gazetteer)
        self.title_forms = {f for p in gazetteer.packs.values() for t in p.titles.titles for f in t.forms}
        self.first_name_titles = {f for p in gazetteer.packs.values() for t in p.titles.titles if t.first_name
                                  for f in t.forms}
        self.country_cues = PhraseMatcher(nlp.vocab, attr="ORTH")
        for code, pack in gazetteer.packs.items():
            if pack.parties.all_cues():
                self.country_cues.add(code, [nlp.make_doc(c) for c in pack.parties.all_cues()])

    # ------------------------------------------------------------------ annotations

    def __call__(self, doc: Doc) -> Doc:
        self.doc = doc
        self.party_at = _index(doc, PARTIES, "name")
        self.party_span_at = {i: sp for sp in _group(doc, PARTIES) for i in range(sp.start, sp.end)}
        self.office_end: dict[int, Span] = {}
        self.office_start: dict[int, Span] = {}
        self.office_tok: set[int] = set()
        self.place_tok: set[int] = set()
        self.place_end: dict[int, Span] = {}
        for sp in _group(doc, OFFICES):
            self.office_end[sp.end] = sp
            self.office_start[sp.start] = sp
            self.office_tok.update(range(sp.start, sp.end))
            place = _jurisdiction_tokens(doc, sp)
            self.place_tok.update(place)
            if place and place.start > sp.end:
                self.place_end[place.stop] = sp  # "returning officer for Kelby"
        self.places = {(sp._.get(OFFICES) or {}).get("jurisdiction") for sp in _group(doc, OFFICES)}
        self.not_person_ent: set[int] = set()
        self.org_ent: dict[int, tuple[int, int]] = {}
        for ent in doc.ents:  # the statistical model's places and organisations are not names
            if ent.label_ in ("GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW"):
                self.not_person_ent.update(range(ent.start, ent.end))
                if ent.label_ not in ("GPE", "LOC", "NORP"):  # often a misread name
                    self.org_ent[ent.start] = (ent.start, ent.end)
        mentions = self._mentions(doc)
        people = self._cluster(doc, mentions)
        mention_owner = {m: p for p in people for m in p.mentions}
        self._roles(doc, people, mention_owner)
        self._write(doc, people)
        return doc

    # ------------------------------------------------------------------ mentions

    def _is_name_tok(self, i: int) -> bool:
        doc = self.doc
        t = doc[i]
        if i in self.party_at or i in self.office_tok or i in self.place_tok or t.text in self.cues.not_name \
                or t.text in self.title_forms:
            return False
        return bool(_NAME_TOK.match(t.text)) \
            or bool(re.match(r"^[A-Z]\.$", t.text))

    def _run(self, i: int, max_len: int = 4) -> int:
        """End of a capitalized name run starting at token i (i when none); hyphens join parts."""
        doc = self.doc
        k = i
        n = 0
        while k < len(doc) and n < max_len and self._is_name_tok(k):
            k += 1
            n += 1
            if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
                    and self._is_name_tok(k + 1):
                k += 1
        if k > i and re.match(r"^[A-Z]\.$", doc[k - 1].text):  # a trailing initial is not a surname
            k -= 1
        return k

    def _mentions(self, doc: Doc) -> list[tuple[int, int, str]]:
        found: dict[tuple[int, int], str] = {}
        # capitalized runs after "in", "at", "contest" are places wherever they recur
        person_tok = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        for t in doc:
            if t.lower_ in _PLACE_PREPS and t.i + 1 < len(doc):
                e = self._run(t.i + 1)
                if e > t.i + 1 and not (t.lower_ == "in" and e - t.i - 1 >= 2 and all(i in person_tok for i in range(t.i + 1, e))):
                    self.places.add(doc[t.i + 1:e].text)  # "trust in Jane Roe" (a PERSON entity) stays a name

        def add(s: int, e: int, rule: str, min_len: int = 1) -> None:
            if rule in ("people.ner", "people.name_rule") and doc[s:e].text in self.places:
                return
            if e - s >= min_len and not any(s < fe and fs < e for fs, fe in found):
                found[(s, e)] = rule

        # 1. after titles and offices ("Rep. Karen Bass", "shadow chancellor Oliver Letwin", "..., George Osborne")
        for end, sp in sorted(self.office_end.items()):
            k = end
            while k in self.office_start and self.office_start[k].label_ == "TITLE":
                k = self.office_start[k].end
            place = _jurisdiction_tokens(doc, sp)
            if sp.label_ == "OFFICE" and place and place.start > sp.end and k < place.start \
                    and place.stop < len(doc) and doc[place.stop].text == ",":
                k = place.stop  # "The returning officer for Kelby, Jane Roe, said"
            if k < len(doc) and doc[k].text == "," and sp.label_ == "OFFICE":
                e = self._run(k + 1, 3)
                if e - (k + 1) >= 2 and (e >= len(doc) or doc[e].text in (",", ".", "said", "says")):
                    add(k + 1, e, "people.office_apposition")
                continue
            e = self._run(k)
            if e > k:
                add(k, e, "people.title" if sp.label_ == "TITLE" else "people.office_name")
        # 2. the statistical model's PERSON entities
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            s, e = ent.start, ent.end
            while s < e and (s in self.office_tok or doc[s].text in self.title_forms or s in self.party_at):
                s += 1
            while e > s and (doc[e - 1].text in ("'s", "’s", "'", "’") or (e - 1) in self.party_at):
                e -= 1
            if e == ent.end and e < len(doc) and doc[e].ent_type_ == "ORG" and doc[e].ent_iob_ == "B" \
                    and (e + 1 >= len(doc) or doc[e + 1].ent_iob_ != "I") and self._is_name_tok(e):
                e += 1  # "Marc-André" + "Vézina" (ORG): the model split one name
            if e > s and all(self._is_name_tok(i) or doc[i].text == "-" for i in range(s, e)):
                add(s, e, "people.ner")
        # 3. rules: names before speech verbs and cue verbs, after parties, in appositions, and
        #    two-word names whose surname recurs alone
        cue_starts = {ph[0] for ph in self.cues.after if ph[0].isalpha()}
        alone: dict[str, int] = {}
        for t in doc:
            if t.is_title and not (t.i > 0 and doc[t.i - 1].is_title and not doc[t.i - 1].is_sent_start):
                alone[t.text] = alone.get(t.text, 0) + 1
        i = 0
        while i < len(doc):
            e = self._run(i, 3)
            if any(k in self.not_person_ent for k in range(i, e)) and not self._misread_org(i, e):
                i = max(e, i + 1)
                continue
            if e - i >= 2 or (e - i == 1 and i > 0 and (i - 1) in self.party_at and not doc[i].is_sent_start):
                nxt = doc[e].lower_ if e < len(doc) else ""
                nxt2 = doc[e + 1].lower_ if e + 1 < len(doc) else ""
                prev_party = i > 0 and ((i - 1) in self.party_at or doc[i - 1].text in _POSS and (i - 2) in self.party_at)
                speech = nxt in self.cues.speech or nxt in cue_starts or nxt in _POSS \
                    or (nxt in (",",) and (nxt2 in ("who", "the", "a", "an", "whose")
                                           or e + 1 in self.party_at or e + 1 in self.office_tok)) \
                    or (e - i >= 2 and alone.get(doc[e - 1].text, 0) >= 1 and not doc[i].is_sent_start)
                said_before = i > 0 and doc[i - 1].lower_ in ("said", "says", "told")
                speech = speech or self._name_context(i, e)
                if (e - i >= 2 and (speech or said_before)) or prev_party:
                    add(i, e, "people.name_rule")
                i = e
            else:
                i += 1
        return sorted((s, e, r) for (s, e), r in found.items())

    def _misread_org(self, s: int, e: int) -> bool:
        """An ORG/FAC/... entity that is exactly a two- or three-word name run in a person's context
        ("Jane Roe's campaign", "Jane Roe (Labour)"): the model's label is overruled."""
        doc = self.doc
        span = self.org_ent.get(s)
        if span is None or e - s < 2 or span[1] not in (e, e + 1) or (span[1] == e + 1 and doc[e].text not in _POSS):
            return False
        nxt = doc[e].lower_ if e < len(doc) else ""
        nxt2 = doc[e + 1].lower_ if e + 1 < len(doc) else ""
        return self._name_context(s, e) or nxt in self.cues.speech or (nxt in _POSS and nxt2 in (
            "campaign", "bid", "candidacy", "supporters", "victory", "defeat", "lead", "share"))

    def _name_context(self, s: int, e: int) -> bool:
        """Context that makes a two-word capitalized run a person: 'Name (Labour)', 'Name, 52,',
        'Name of the Green Party', 'Name on 31%', 'has selected Name', 'candidate, Name'."""
        doc = self.doc
        nxt = doc[e].text if e < len(doc) else ""
        if nxt == "(" and (e + 1) in self.party_at:
            return True
        if nxt == "," and e + 2 < len(doc) and _age(doc[e + 1]) and doc[e + 2].text in (",", ".", "-", "–"):
            return True
        if nxt == "of" and ((e + 1) in self.party_at or e + 2 < len(doc) and doc[e + 1].lower_ == "the"
                            and (e + 2) in self.party_at):
            return True
        if self._share_after(e) is not None:
            return True
        k = s - 1 if s > 0 and doc[s - 1].text == "," else s
        before = [t.lower_ for t in doc[max(0, k - 3):k]]
        return any(tuple(before[-len(ph):]) == ph for ph in self.cues.name_intro)

    def _share_after(self, e: int) -> int | None:
        """Index of a vote share right after a name ('on 31 per cent', 'took 37%', 'was a distant
        third with 15.4%', 'Hale 44, Brandt 39'), else None."""
        doc = self.doc
        k = e
        while k < len(doc) and k - e < 7 and doc[k].lower_ in self.cues.share_links:
            k += 1
        if k < len(doc) and re.match(r"^\d{1,3}(?:,\d{3})+$|^\d{2,6}$", doc[k].text) and self._vote_count(k):
            return k
        if k >= len(doc) or not doc[k].like_num or not re.match(r"^\d{1,2}(?:\.\d+)?$", doc[k].text):
            return None
        nxt = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        if nxt in ("%", "percent", "per", "pc", "points", "point") or nxt.startswith("%"):
            return k
        if k == e and nxt in (",", ";", "to", "among", "and", "-", "–", "."):  # "Hale 44, Brandt 39"
            return k
        return None

    def _vote_count(self, k: int) -> bool:
        """A vote tally at token k: '1,184 votes' or '902 (28.1 per cent)'."""
        doc = self.doc
        nxt = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        if nxt == "votes":
            return True
        if nxt == "(" and k + 3 < len(doc) and re.match(r"^\d{1,2}(?:\.\d+)?%?$", doc[k + 2].text):
            return doc[k + 3].lower_ in ("%", "per", "percent", "pc") or doc[k + 2].text.endswith("%")
        return False

    # ------------------------------------------------------------------ clustering

    def _cluster(self, doc: Doc, mentions: list[tuple[int, int, str]]) -> list[Person]:
        people: dict[str, Person] = {}
        by_surname: dict[str, list[Person]] = {}
        singles: list[tuple[int, int, str]] = []
        for s, e, rule in mentions:
            text = doc[s:e].text
            if len(text.split()) >= 2:
                p = people.get(text)
                if p is None:
                    p = people[text] = Person(key=text, name=text)
                    by_surname.setdefault(p.surname, []).append(p)
                p.mentions.append((s, e))
                p.rules.append(rule)
            else:
                singles.append((s, e, rule))
        # a two-word form that is another's surname+... stays separate; singles join by surname
        by_first: dict[str, list[Person]] = {}
        for p in people.values():
            by_first.setdefault(p.name.split()[0], []).append(p)
        for s, e, rule in singles:
            text = doc[s:e].text
            owners = by_surname.get(text)
            if not owners and s > 0 and doc[s - 1].text in self.first_name_titles:
                owners = by_first.get(text)  # "Sir Anthony" for Sir Anthony Hale
            if owners:
                best = _nearest(owners, s)
                best.mentions.append((s, e))
                best.rules.append(rule)
            elif rule in ("people.title", "people.office_name", "people.name_rule", "people.ner"):
                p = people.get(text)
                if p is None:
                    p = people[text] = Person(key=text, name=text)
                    by_surname.setdefault(text, []).append(p)
                p.mentions.append((s, e))
                p.rules.append(rule)
        # bare surnames elsewhere ("Bass said", "Caruso's campaign")
        taken = {i for p in people.values() for s, e in p.mentions for i in range(s, e)}
        for i, tok in enumerate(doc):
            if i in taken or not tok.is_title or i in self.party_at or i in self.office_tok:
                continue
            cands = by_surname.get(tok.text)
            if not cands:
                continue
            e = i + 1
            while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and doc[e + 1].is_title:
                e += 2
            if i > 0 and self._is_name_tok(i - 1) and (i - 1) not in taken and not doc[i - 1].is_sent_start:
                continue  # "Rick Jacobs" is not "Jacobs" of another person's name... a different full name
            text = doc[i:e].text
            cands = by_surname.get(text)
            if cands:
                _nearest(cands, i).mentions.append((i, e))
                taken.update(range(i, e))
        for p in people.values():
            p.mentions.sort()
        kept = [p for p in people.values() if p.name not in self.places]
        return sorted(kept, key=lambda p: p.mentions[0])

    # ------------------------------------------------------------------ roles

    def _roles(self, doc: Doc, people: list[Person], owner: dict) -> None:
        starts = sorted(owner)
        self.mention_start = {m[0] for m in owner}
        self.title_tok = {i for sp in self.office_start.values() if sp.label_ == "TITLE" for i in range(sp.start, sp.end)}
        for sent in doc.sents:
            ms = [m for m in starts if sent.start <= m[0] < sent.end]
            groups = _groups(doc, ms, self)
            for gi, group in enumerate(groups):
                persons = [owner[m] for m in group]
                prev_end = groups[gi - 1][-1][1] if gi else sent.start
                next_start = groups[gi + 1][0][0] if gi + 1 < len(groups) else sent.end
                first, last = group[0], group[-1]
                self._candidate_cues(doc, sent, persons, prev_end, first[0], last[1], next_start)
                for m in group:
                    self._offices_for(doc, owner[m], m, next_start if m == last else m[1])
                    self._party_for(doc, owner[m], m, prev_end if m == first else m[0], next_start if m == last else m[1])
        self._listed_candidates(doc, owner)
        self._primary_parties(doc, people, owner)
        self._lede_offices(doc, people, owner)
        self._races(doc, people)
        self._race_holders(doc, people, owner)
        for p in people:
            for o in p.offices:
                if o["jurisdiction"]:
                    continue
                if self.race and (o["office"] == self.race[0] or o["office"] in self.cues.race_local):
                    o["jurisdiction"] = self.race[1]  # "Mayor Helen Marsh" in a story about the Port Calder race
                elif o["office"].startswith("shadow ") and p.party:
                    o["jurisdiction"] = p.party  # a shadow post belongs to the holder's party
        self._role_coreference(doc, people, owner)

    def _candidate_cues(self, doc: Doc, sent: Span, persons: list[Person], prev_end: int, gstart: int,
                        gend: int, next_start: int) -> None:
        c = self.cues
        after = []
        for t in doc[gend:min(next_start, gend + 14)]:
            if t.lower_ in _CLAUSE_BREAK or (t.i in self.party_at and t.i > gend
                                             and self.party_span_at[t.i].start == t.i and
                                             doc[t.i - 1].lower_ not in ("for", "from", "the", "of", "against", "with",
                                                                         "a", "an", "registered")):
                break
            if t.lower_ in c.speech and self._reports_other(t.i):
                break
            after.append(t.lower_)
        before_toks = doc[max(prev_end, gstart - 12):gstart]
        before = [t.lower_ for t in before_toks]
        evidence = None
        tagged = self._after_party_tag(gend)
        if self._share_after(tagged) is not None:
            evidence = "vote share"
        elif tagged > gend and tagged < len(doc) and doc[tagged].like_num and \
                (tagged + 1 >= len(doc) or doc[tagged + 1].is_space or doc[tagged + 1].lower_ in ("votes", "\n")):
            evidence = "result row"  # "Jane Roe (Green) 2,200"
        elif self._own_bid(sent, gstart, gend):
            evidence = "own bid"
        elif self._share_before(gstart):
            evidence = "vote share for"
        elif self._introduced(gstart):
            evidence = "nominated"
        elif self._beaten(sent, gstart, gend):
            evidence = "beaten"
        for phrase in c.after if evidence is None else ():
            k = _find(after, phrase)
            if k < 0:
                continue
            if phrase[0] in c.win and not self._win_ok(after, k + len(phrase)):
                continue
            if any(_find(after[:k], neg) >= 0 for neg in c.negators):
                continue
            if after[k + len(phrase):k + len(phrase) + 1] and after[k + len(phrase)] in c.cancel:
                continue  # "would stand down"
            if k > 0 and after[k - 1] in ("his", "her", "their") and phrase[-1] == "bid" \
                    and not self._opens_sentence(sent, gstart):
                continue  # "He made X the centrepiece of his re-election bid": not X's bid
            evidence = " ".join(phrase)
            break
        if evidence is None:
            sent_before = [t.lower_ for t in doc[sent.start:gstart]]
            hypothetical = any(w in c.hypothetical for w in sent_before)
            for phrase in c.before:
                k = _find(before, phrase)
                if k >= 0 and before[k + len(phrase):k + len(phrase) + 1] == ["by"]:
                    continue  # "endorsed by ... Jane Roe": the name is the endorser
                if k >= 0 and not hypothetical:
                    evidence = " ".join(phrase)
                    break
            group_party = None
            if evidence is None and any(w in c.nouns for w in before[-8:]) and \
                    any(w in _DASHES for w in before[-3:]):
                j = next(j for j, w in enumerate(before) if w in c.nouns and j >= len(before) - 8)
                evidence = before[j]
                i = before_toks[j].i
                if i >= 2 and doc[i - 1].text in _POSS:  # "Reform's candidate, ..."
                    i -= 1
                if (i - 1) in self.party_at:
                    group_party = self.party_at[i - 1]
            if group_party:
                for p in persons:
                    self._set_party(p, group_party, "people.party_group")
        if evidence is None:
            return
        leadership = any(_find(after, ph) >= 0 for ph in c.leadership)
        sent_parties = {self.party_at[i] for i in range(sent.start, sent.end) if i in self.party_at}
        for p in persons:
            p.role = "candidate"
            p.evidence = p.evidence or evidence
            if leadership and not p.office_sought:
                p.office_sought = "party leader"
                if len(sent_parties) == 1:
                    p.jurisdiction = next(iter(sent_parties))
                    if not p.party:
                        p.party, p.party_rule = p.jurisdiction, "people.party_leadership"

    def _reports_other(self, i: int) -> bool:
        """A speech verb at i whose reported clause has another subject ('said the party had won',
        'told reporters Labour would stand'): later cue words are not the speaker's own bid."""
        doc = self.doc
        k = i + 1
        if k < len(doc) and doc[k].lower_ == "that":
            k += 1
        if k >= len(doc):
            return False
        t = doc[k]
        return t.lower_ in ("the", "a", "an", "its", "our", "this", "every") or k in self.party_at

    def _after_party_tag(self, e: int) -> int:
        """End of a party tag right after a name ('(Labour)', 'of the Green Party'), else e."""
        doc = self.doc
        if e + 2 < len(doc) and doc[e].text == "(" and (e + 1) in self.party_at:
            k = self.party_span_at[e + 1].end
            return k + 1 if k < len(doc) and doc[k].text == ")" else e
        if e + 1 < len(doc) and doc[e].lower_ == "of":
            k = e + 2 if doc[e + 1].lower_ == "the" else e + 1
            if k in self.party_at:
                return self.party_span_at[k].end
        return e

    def _own_bid(self, sent: Span, gstart: int, gend: int) -> bool:
        """'Rep. Jane Roe raised $4m ... in her bid for the nomination': the sentence's first person
        and a possessive pronoun's bid or candidacy later in the same clause."""
        doc = self.doc
        if not self._opens_sentence(sent, gstart):
            return False
        words = [t.lower_ for t in doc[gend:min(sent.end, gend + 30)]]
        for j, w in enumerate(words[:-1]):
            if w in (";", ":") or w in _CLAUSE_BREAK:
                return False
            if w in ("his", "her", "their") and (words[j + 1] in ("bid", "candidacy", "campaign", "re-election")
                                                 or words[j + 1:j + 3] == ["re", "-"]):
                rest = words[j + 2:j + 4]
                return words[j + 1] != "campaign" or rest[:1] == ["for"]
        return False

    def _opens_sentence(self, sent: Span, gstart: int) -> bool:
        """The name opens the sentence, after datelines, titles, offices and parties
        ("MADISON - Rep. Jane Roe raised ..."): a later 'his'/'her' can be theirs."""
        doc = self.doc
        for i in range(sent.start, gstart):
            t = doc[i]
            if not (t.is_space or t.text in ("-", "–", "—", "(", ")", ",") or t.is_upper or i in self.title_tok
                    or i in self.office_tok or i in self.party_at or t.lower_ in _ROLE_MODIFIERS
                    or t.lower_ == "the" or t.text in _POSS):
                return False
        return True

    def _share_before(self, s: int) -> bool:
        """'... 11,203 for Labour's Priya Sandhu', 'against 39 per cent for Mr Brandt'."""
        doc = self.doc
        k = self._skip_back(s)
        if k < 2 or doc[k - 1].lower_ != "for":
            return False
        prev = doc[k - 2]
        return prev.like_num or prev.lower_ in ("%", "cent", "percent", "votes", "points")

    def _introduced(self, s: int) -> bool:
        """A candidate noun or a party's nominating verb right before the name: 'Conservative
        candidate Jane Roe', 'Labour has selected Jane Roe', 'the Greens are standing Jane Roe'."""
        doc = self.doc
        k = self._skip_back(s, party=False)
        if k > 0 and doc[k - 1].lower_ in self.cues.nouns:
            return True
        before = [t.lower_ for t in doc[max(0, k - 3):k]]
        return any(tuple(before[-len(ph):]) == ph for ph in self.cues.nominate) and self._party_subject(k) is not None

    def _beaten(self, sent: Span, gstart: int, gend: int) -> bool:
        """A party-tagged name after 'ahead of', 'from' or 'led' in a result sentence: 'won the seat
        ahead of Labour's Jane Roe', 'led the sitting Liberal member, Jane Roe, by 612 votes'."""
        doc = self.doc
        k, tagged = gstart, False
        while k > sent.start and gstart - k < 8:
            t = doc[k - 1]
            if (k - 1) in self.party_at:
                tagged = True
            elif not (t.text in _POSS or t.text == "," or (k - 1) in self.office_tok or t.lower_ == "the"
                      or t.lower_ in _ROLE_MODIFIERS or t.lower_ in self.cues.apposition_nouns):
                break
            k -= 1
        if not tagged or any(t.lower_ in self.cues.hypothetical for t in doc[sent.start:k]):
            return False
        before = tuple(t.lower_ for t in doc[max(sent.start, k - 2):k])
        link = next((ph for ph in self.cues.loser_links if before[-len(ph):] == ph), None)
        if link is None:
            return False
        if link[0] in self.cues.win or any(t.lower_ in self.cues.win for t in doc[sent.start:k - len(link)]):
            return True
        rest = [t for t in doc[gend:min(sent.end, gend + 5)]]
        return any(t.lower_ == "by" and j + 1 < len(rest) and rest[j + 1].like_num for j, t in enumerate(rest))

    def _skip_back(self, s: int, party: bool = True) -> int:
        """Start of the titles, party words and possessives right before token s."""
        doc = self.doc
        k = s
        while k > 0 and (doc[k - 1].text in self.title_forms or doc[k - 1].text in _POSS
                         or party and ((k - 1) in self.party_at or doc[k - 1].lower_ == "the")
                         or (k - 1) in self.office_start and self.office_start[k - 1].label_ == "TITLE"):
            k -= 1
        return k

    def _party_subject(self, k: int) -> str | None:
        """The party right before a nominating verb ending at token k ('Labour has selected')."""
        doc = self.doc
        for ph in self.cues.nominate:
            n = len(ph)
            if k - n >= 0 and tuple(t.lower_ for t in doc[k - n:k]) == ph:
                j = k - n
                if j > 0 and (j - 1) in self.party_at:
                    return self.party_at[j - 1]
        return None

    def _win_ok(self, after: list[str], k: int) -> bool:
        """'won'/'lost' count when an election word (or nothing: 'Heath lost and ...') follows."""
        window = [w for w in after[k:k + 7] if w not in _WIN_SKIP][:4]
        if not window:
            return True
        if window[0] == "by" and window[1:3] == ["-", "election"]:
            return True
        if "from" in window[1:4] and window[0][:1].isalpha():  # "took Ashcombe from Labour"
            return True
        return window[0] in self.cues.election or (len(window) > 1 and window[1] in self.cues.election
                                                     and window[0][:1].isalpha())

    # -- offices ---------------------------------------------------------------------

    def _add_office(self, p: Person, data: dict, span: Span, status: str | None = None, rule: str | None = None) -> None:
        office = data.get("office")
        if not office:
            return
        if any(o["office"] == office for o in p.offices):
            return
        p.offices.append({"office": office, "jurisdiction": data.get("jurisdiction"),
                          "status": status or data.get("status") or "current",
                          "start": span.start_char, "end": span.end_char, "rule": rule or data.get("rule")})

    def _offices_for(self, doc: Doc, p: Person, m: tuple[int, int], limit: int) -> None:
        s, e = m
        # before: "Tory leader Michael Howard", "the party's former treasurer Lord Ashcroft", "..., George Osborne"
        k = s
        if k > 0 and doc[k - 1].text == ",":
            k -= 1
            if k in self.place_end:
                k = self.place_end[k].end
        while k in self.office_end:
            sp = self.office_end[k]
            self._add_office(p, sp._.get(OFFICES) or {}, sp)
            k = sp.start
            if k in self.party_at:
                break
        # after: "Eric Garcetti, the current Mayor", "Mr Blunkett resigned as Home Secretary"
        after = doc[e:min(limit, e + 12)]
        words = [t.lower_ for t in after]
        if not words:
            return
        apposition = words[0] == ","
        for j, t in enumerate(after):
            i = e + j
            if t.text in (".", ";") or (j > 0 and t.text == "," and not apposition):
                break
            if i in self.office_start and self.office_start[i].label_ == "OFFICE":
                sp = self.office_start[i]
                gap = words[:j]
                linked = apposition and all(w in (",", "the", "a", "an", "former", "current", "new", "now", "also",
                                                  "then", "'s", "’s", "'", "’", "ex", "-") or (e + n) in self.party_at
                                            or (e + n) in self.office_tok for n, w in enumerate(gap))
                if not linked:
                    for ph in self.cues.office_links:
                        k2 = _find(gap, ph)
                        if k2 >= 0 and all(w in ("the", "a", "an", "new", "now", "good", "current", "former", "u.s.", "us")
                                           or w in _POSS
                                           or (e + k2 + len(ph) + n) in self.party_at
                                           or re.match(r"^[A-Z]", doc[e + k2 + len(ph) + n].text)
                                           for n, w in enumerate(gap[k2 + len(ph):])):
                            linked = True
                            break
                if linked:
                    self._add_office(p, sp._.get(OFFICES) or {}, sp)
                break
            if i in self.office_start and self.office_start[i].label_ == "TITLE":
                break

    def _lede_offices(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """'Gordon Brown has issued ... The chancellor said ...': a sentence-initial 'The <office>'
        with no name is the first person named in the sentence before."""
        sents = list(doc.sents)
        sent_of = {}
        for si, st in enumerate(sents):
            sent_of.update(dict.fromkeys(range(st.start, st.end), si))
        firsts: dict[int, tuple] = {}
        for m, p in sorted(owner.items()):
            firsts.setdefault(sent_of[m[0]], (m, p))
        for si in range(1, len(sents)):
            st = sents[si]
            first = st.start
            while first < st.end and doc[first].is_space:
                first += 1
            k = first
            while k < st.end and doc[k].lower_ in ("the", "former", "ex", "-"):
                k += 1
            if k == first or k not in self.office_start or doc[first].lower_ != "the":
                continue
            sp = self.office_start[k]
            if sp.label_ != "OFFICE" or (sp.end < len(doc) and self._is_name_tok(sp.end)):
                continue
            if sp.end + 1 < len(doc) and doc[sp.end].text == "," and self._is_name_tok(sp.end + 1):
                continue  # "The returning officer, Jane Roe, said": the office has its own name
            prev = firsts.get(si - 1)
            if prev is None or prev[0][0] - sents[si - 1].start > 8:
                continue
            data = sp._.get(OFFICES) or {}
            if data.get("office") in self.cues.coreferent and any(
                    o["office"] != data["office"] and o["office"] in self.cues.coreferent for o in prev[1].offices):
                continue  # "The Taoiseach, Jane Roe, said ... The Tánaiste said": a second post-holder
            if data.get("office") and not data["office"].startswith(("shadow", "party")):
                self._add_office(prev[1], data, sp, rule="people.lede_coreference")

    # -- parties ---------------------------------------------------------------------

    def _party_for(self, doc: Doc, p: Person, m: tuple[int, int], lo: int, hi: int) -> None:
        s, e = m
        nominator = self._party_subject(self._skip_back(s, party=False))
        if nominator:  # "Labour has selected Jane Roe"
            self._set_party(p, nominator, "people.party_nominates")
        # before: "Labour MP Oona King", "Labour's Elizabeth Blackman", "Tory defector Robert Jackson"
        k = s
        former = False
        steps = 0
        while k > lo and steps < 6:
            t = doc[k - 1]
            if t.text == "," and k - 2 >= lo and (doc[k - 2].lower_ in self.cues.nouns or (k - 2) in self.office_tok
                                                  or doc[k - 2].lower_ in self.cues.apposition_nouns):
                # "Reform's candidate, Jane Roe", "Labour's housing minister, Jane Roe"
                k -= 1
                steps += 1
                continue
            if (k - 1) in self.party_at:
                sp = self.party_span_at[k - 1]
                name = self.party_at[k - 1]
                turned = sp.start >= 4 and doc[sp.start - 1].lower_ == "-" and doc[sp.start - 2].lower_ == "turned"
                if turned and (sp.start - 4) in self.party_at:
                    self._set_party(p, name, "people.party_turned")
                    self._former(p, self.party_at[sp.start - 4])
                elif former:
                    self._former(p, name)
                else:
                    self._set_party(p, name, "people.party_before")
                break
            if (k - 1) in self.office_tok or t.text in ("'s", "’s", "'", "’") or t.text in self.title_forms \
                    or t.lower_ in self.cues.nouns or t.lower_ in _ROLE_MODIFIERS \
                    or t.lower_ in self.cues.apposition_nouns:
                k -= 1
                steps += 1
                continue
            if t.lower_ in self.cues.former_markers:
                former = True
                k -= 1
                steps += 1
                continue
            break
        # "(D-Calif.)"
        if e + 1 < len(doc) and doc[e].text == "(" and (e + 1) in self.party_at:
            self._set_party(p, self.party_at[e + 1], "people.party_abbreviation")
        elif e + 1 < len(doc) and doc[e].text == "," and (e + 1) in self.party_at \
                and self.party_span_at[e + 1]._.get(PARTIES)["rule"] == "party.abbreviation":
            self._set_party(p, self.party_at[e + 1], "people.party_abbreviation")
        # after, within the clause: apposition, switches, "expelled from", "for Respect"
        words = [t.lower_ for t in doc[e:hi]][:40]
        idx = list(range(e, e + len(words)))
        for j, w in enumerate(words):
            i = idx[j]
            if i not in self.party_at or (j > 0 and (i - 1) in self.party_at):
                continue
            name = self.party_at[i]
            sp = self.party_span_at[i]
            if sp.end < len(doc) and (sp.end in self.mention_start or doc[sp.end].text in _POSS
                                      and sp.end + 1 in self.mention_start):
                break  # "... for Labour's Jane Roe": the party is the next person's
            before = words[max(0, j - 6):j]
            after_tok = doc[sp.end] if sp.end < len(doc) else None
            turned = sp.end + 3 < len(doc) and doc[sp.end].text == "-" and doc[sp.end + 1].lower_ == "turned" \
                and (sp.end + 3) in self.party_at
            if turned:
                self._set_party(p, self.party_at[sp.end + 3], "people.party_turned")
                self._former(p, name)
                break
            if any(w2 in self.cues.switch for w2 in before) and before and before[-1] in ("from", "the"):
                # "switched allegiance from the Republican Party to become a Democrat"
                for j2 in range(j + 1, min(len(words), j + 10)):
                    if idx[j2] in self.party_at and idx[j2] >= sp.end:
                        self._former(p, name)
                        self._set_party(p, self.party_at[idx[j2]], "people.party_switch")
                        break
                break
            if any(_find(before, ph) >= 0 and _find(before, ph) + len(ph) >= len(before) - 1 for ph in self.cues.former_party):
                self._former(p, name)
                continue
            noun_use = after_tok is None or after_tok.is_punct or after_tok.lower_ in ("and", "who", "but")
            if j <= 2 and words[0] == "of" and all(w in ("of", "the") for w in words[:j]):
                self._set_party(p, name, "people.party_of")  # "Jane Roe of the Green Party"
                break
            role_use = after_tok is not None and (after_tok.lower_ in self.cues.nouns or after_tok.i in self.office_tok)
            if role_use and words[0] == "," and (before[-1:] in (["a"], ["an"], ["the"])
                                                  or before[-2:] in (["a", "former"], ["the", "former"])):
                self._set_party(p, name, "people.party_apposition")  # "Jane Roe, the Green candidate,"
                break
            if before[-1:] in (["a"], ["an"]) or before[-2:-1] in (["a"], ["an"]) and noun_use:
                if noun_use:
                    self._set_party(p, name, "people.party_apposition")
                    break
            if any(_find(before, ph) >= 0 and _find(before, ph) + len(ph) == len(before) for ph in self.cues.party_links):
                if before[-1] != "for" or p.role == "candidate" or any(_find(words[:j], ph) >= 0 for ph in self.cues.after):
                    self._set_party(p, name, "people.party_link")
                    break

    def _listed_candidates(self, doc: Doc, owner: dict) -> None:
        """Gapped lists after a candidate: 'The Tories are standing A, the Greens B, and Labour C'."""
        by_sent: dict[int, list[tuple[int, int]]] = {}
        for m in sorted(owner):
            by_sent.setdefault(doc[m[0]].sent.start, []).append(m)
        for ms in by_sent.values():
            seen_candidate = False
            for m in ms:
                p = owner[m]
                if p.role == "candidate":
                    seen_candidate = True
                    continue
                if not seen_candidate or (m[0] - 1) not in self.party_at:
                    continue
                j = self.party_span_at[m[0] - 1].start
                if j > 0 and doc[j - 1].lower_ == "the":
                    j -= 1
                if j > 0 and doc[j - 1].text in (",", "and", ";") and p.party == self.party_at[m[0] - 1]:
                    p.role, p.evidence = "candidate", p.evidence or "listed with candidates"

    def _primary_parties(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """'... the Democratic nomination for Senate', 'won the Republican primary': candidates
        without a party in that sentence contest that party's primary."""
        words = [t.lower_ for t in doc]
        sent_party: dict[int, set[str]] = {}
        for sp in _group(doc, PARTIES):
            for gap in range(0, 3):
                k = sp.end + gap
                if any(tuple(words[k:k + len(ph)]) == ph for ph in self.cues.primary) and \
                        all(doc[i].is_alpha and i not in self.party_at for i in range(sp.end, k)):
                    sent_party.setdefault(doc[sp.start].sent.start, set()).add((sp._.get(PARTIES) or {}).get("name"))
                    break
        for p in people:
            if p.role != "candidate" or p.party:
                continue
            for s, _e in p.mentions:
                found = sent_party.get(doc[s].sent.start, set())
                if len(found) == 1:
                    self._set_party(p, next(iter(found)), "people.party_primary")
                    break
        # "Hale's main rival in the primary, Tom Brandt": primary rivals share the party
        for m, p in sorted(owner.items()):
            if p.role != "candidate" or p.party:
                continue
            sent = doc[m[0]].sent
            if not any(_find(words[sent.start:sent.end], ph) >= 0 for ph in self.cues.primary):
                continue
            for k in range(max(sent.start, m[0] - 12), m[0]):
                if words[k] in ("rival", "opponent", "challenger") and k >= 2 and doc[k - 1].text in _POSS or \
                        words[k] in ("rival", "opponent", "challenger") and k >= 3 and doc[k - 2].text in _POSS:
                    poss = k - 1 if doc[k - 1].text in _POSS else k - 2
                    other = next((q for mm, q in owner.items() if mm[1] == poss and q is not p), None)
                    if other and other.role == "candidate" and other.party:
                        self._set_party(p, other.party, "people.party_primary_rival")
                        break

    def _set_party(self, p: Person, name: str, rule: str) -> None:
        if p.party is None or (p.party_rule == "people.party_before" and rule in ("people.party_switch", "people.party_turned")):
            p.party, p.party_rule = name, rule
        if p.party in p.former_parties and rule in ("people.party_switch", "people.party_turned", "people.party_link"):
            p.former_parties.remove(p.party)

    @staticmethod
    def _former(p: Person, name: str) -> None:
        if name not in p.former_parties and name != p.party:
            p.former_parties.append(name)

    # -- races -----------------------------------------------------------------------

    def _races(self, doc: Doc, people: list[Person]) -> None:
        """office_sought / jurisdiction from the races the article names ("the race for Los Angeles
        mayor", "Ohio's Senate race", "the Hartlepool by-election", "contest the Derbyshire seat of
        Erewash"). A race read in the candidate's own sentences wins; otherwise the article's most
        often named race; otherwise the office alone."""
        readings = self._race_readings(doc)
        places = {(o, j) for _i, o, j in readings if j}
        longer = {(o, j): max((j2 for o2, j2 in places if o2 == o and j2.startswith(j + " ")), key=len, default=j)
                  for o, j in places}  # "Bethnal Green" -> "Bethnal Green and Bow"
        readings = [(i, o, longer[(o, j)] if j else j) for i, o, j in readings]
        full = Counter((o, j) for _i, o, j in readings if j)
        first = {}
        for i, o, j in readings:
            first.setdefault((o, j), i)
        dominant = max(full, key=lambda k: (full[k], -first[k])) if full else None
        self.race = dominant
        offices_only = Counter(o for _i, o, _j in readings)
        for p in people:
            if p.role != "candidate" or p.office_sought:
                continue
            sents = {doc[s].sent.start for s, _e in p.mentions}
            own = [(o, j) for i, o, j in readings if j and doc[i].sent.start in sents]
            if own:
                p.office_sought, p.jurisdiction = max(own, key=lambda k: (full[k], -first[k]))
            elif dominant:
                p.office_sought, p.jurisdiction = dominant
            elif offices_only:
                p.office_sought = offices_only.most_common(1)[0][0]

    def _race_holders(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """Holders of the office the article's race is for: 'the by-election was called after
        Labour's Jane Roe resigned' (former), 'the race to succeed Jane Roe' (current)."""
        if not self.race:
            return
        office, where = self.race
        for (s, e), p in sorted(owner.items()):
            if p.role == "candidate":
                continue
            after = [t.lower_ for t in doc[e:e + 6] if not t.is_space][:4]
            before = [t.lower_ for t in doc[max(0, s - 6):s] if not t.is_space][-4:]
            if any(_find(after, ph) == 0 or _find(after, ph) == 1 and after[0] in ("has", "had", "was")
                   for ph in self.cues.vacate):
                status = "former"
            elif any(tuple(before[-len(ph):]) == ph for ph in self.cues.successor):
                status = "current"
            else:
                continue
            held = next((o for o in p.offices if o["office"] == office), None)
            if held is not None:
                held["status"] = status if status == "former" else held["status"]
                if held["jurisdiction"] in (None, self._body_of(office)):
                    held["jurisdiction"] = where
            else:
                p.offices.append({"office": office, "jurisdiction": where, "status": status,
                                  "start": doc[s].idx, "end": doc[e - 1].idx + len(doc[e - 1]),
                                  "rule": "people.race_holder"})

    def _body_of(self, office: str) -> str | None:
        """The fixed body of an office ('member of parliament' -> 'House of Commons'), if any."""
        for pack in self.gaz.packs.values():
            for entry in pack.offices.offices:
                if entry.office == office and entry.jurisdiction:
                    return entry.jurisdiction
        return None

    def _role_coreference(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """'Tony Blair is planning ... The latest reports say the prime minister favours ...': a
        role-only mention of a single-holder office (roles.json ``coreferent_offices``) is the
        person named most recently before it (earlier sentences, or a possessive in the same one:
        "Gordon Brown's Budget ... the chancellor's figures"), unless someone already holds it."""
        sents = list(doc.sents)
        sent_of = {}
        for si, st in enumerate(sents):
            sent_of.update(dict.fromkeys(range(st.start, st.end), si))
        mentions = sorted(owner.items())
        for sp in _group(doc, OFFICES):
            data = sp._.get(OFFICES) or {}
            office = data.get("office")
            if sp.label_ != "OFFICE" or office not in self.cues.coreferent or not self._role_only(doc, sp):
                continue
            status = data.get("status") or "current"
            if any(o["office"] == office and o["status"] == status for p in people for o in p.offices):
                continue  # its holder is named: "Prime Minister Jane Roe ... the prime minister said"
            use = self._role_use(doc, sp)
            if use is None:
                continue  # "trust in the prime minister": too loose to resolve
            si = sent_of[sp.start]
            best = None
            for (s, e), p in mentions:
                if s >= sp.start or sent_of[s] < si - 4 or p.role == "candidate":
                    continue
                if sent_of[s] == si and not (use == "possessive" and e < len(doc) and doc[e].text in _POSS):
                    continue  # "Jane Roe attacked the chancellor": someone else
                if use == "possessive" and sent_of[s] != si:
                    continue
                if any(o["office"] != office and (o["office"] in self.cues.coreferent or o["office"].startswith("shadow")
                                                  or o["office"] == "party leader") for o in p.offices):
                    continue
                best = p
            if best is None and use == "subject":  # the article's lede names the holder
                lede = [p for (s, _e), p in mentions if sent_of[s] <= 1 and s < sp.start and p.role != "candidate"
                        and not p.offices]
                best = lede[0] if len({id(p) for p in lede}) == 1 else None
            if best is not None:
                if not data.get("jurisdiction") and self.race and self.race[0] == office:
                    data = {**data, "jurisdiction": self.race[1]}  # "the former mayor" of the race's city
                self._add_office(best, data, sp, status=status, rule="people.role_coreference")

    def _role_use(self, doc: Doc, sp: Span) -> str | None:
        """'subject' when a verb follows ('the prime minister said', 'the mayor favours'),
        'possessive' for "the chancellor's figures", else None."""
        if sp.end >= len(doc):
            return None
        nxt = doc[sp.end]
        if nxt.text in _POSS:
            return "possessive"
        if nxt.lower_ in self.cues.speech or nxt.lower_ in _AUX:
            return "subject"
        if doc.has_annotation("TAG"):
            nxt2 = doc[sp.end + 1] if sp.end + 1 < len(doc) else None
            if nxt.pos_ in ("VERB", "AUX") and nxt.tag_ != "VBG":
                return "subject"
            # "the prime minister favours a poll" (tagged as a plural noun)
            return "subject" if nxt.tag_ == "NNS" and nxt2 is not None and nxt2.lower_ in ("a", "an", "the", "that", "to") else None
        return "subject" if nxt.is_lower and nxt.is_alpha and nxt.lower_.endswith(("s", "ed")) \
            and nxt.lower_ not in ("has", "was") and len(nxt) > 3 else None

    def _role_only(self, doc: Doc, sp: Span) -> bool:
        """'the prime minister', 'the former mayor': an office with an article and no name."""
        k = sp.start
        while k > 0 and doc[k - 1].lower_ in _ROLE_MODIFIERS:
            k -= 1
        if k == 0 or doc[k - 1].lower_ != "the" or (k - 2) in self.party_at:
            return False
        if k >= 3 and doc[k - 2].lower_ == "of" and doc[k - 3].is_title:
            return False  # "the Office of the Deputy Prime Minister": an institution's name
        if sp.end < len(doc) and (self._is_name_tok(sp.end) or doc[sp.end].text == "," and sp.end + 1 < len(doc)
                                  and self._is_name_tok(sp.end + 1)):
            return False
        return True

    def _article_country(self, doc: Doc) -> list[str]:
        """Loaded countries, the article's likeliest first (by its parties, then load order)."""
        countries = Counter()
        for sp in _group(doc, PARTIES):
            countries[(sp._.get(PARTIES) or {}).get("country")] += 2
        for match_id, _s, _e in self.country_cues(doc):
            countries[doc.vocab.strings[match_id]] += 1
        order = {c: n for n, c in enumerate(self.gaz.countries)}
        return sorted(self.gaz.countries, key=lambda c: (-countries.get(c, 0), order[c]))

    def _race_readings(self, doc: Doc) -> list[tuple[int, str, str | None]]:
        """Every race the article names: (token index, office, jurisdiction or None)."""
        words = [t.lower_ for t in doc]
        ranked = self._article_country(doc)
        out: list[tuple[int, str, str | None]] = []
        for sp in _group(doc, OFFICES):  # "the race for Los Angeles mayor", "the next Mayor of X"
            if sp.label_ != "OFFICE":
                continue
            pre = words[max(0, sp.start - 5):sp.start]
            data = sp._.get(OFFICES) or {}
            if any(_find(pre, ph) >= 0 for ph in self.cues.race) and data.get("office") \
                    and not data["office"].startswith(("shadow", "party")):
                out.append((sp.start, data["office"], data.get("jurisdiction")))
        i = 0
        while i < len(doc):
            ph = next((ph for ph in self.cues.race_nouns if tuple(words[i:i + len(ph)]) == ph), None)
            if ph is None:
                i += 1
                continue
            reading = self._race_at(doc, i, i + len(ph), ranked)
            if reading:
                out.append((i, *reading))
            i += len(ph)
        seat = self._seat_office(ranked)
        for t in doc:  # "has taken Glenbarra and Invermoy from the SNP", "contest Bethnal Green"
            if seat is None or not (t.lower_ in self.cues.win or t.lower_ in _CONTEST_VERBS):
                continue
            e = self._place_run(t.i + 1)
            if e == t.i + 1 or any(k in self.mention_start for k in range(t.i + 1, e)):
                continue
            nxt = words[e] if e < len(doc) else ""
            if t.lower_ in _CONTEST_VERBS and nxt in (",", ".", "for", "at", "in", "against") \
                    or t.lower_ in self.cues.win and nxt == "from":
                out.append((t.i, seat, doc[t.i + 1:e].text))
        return out

    def _seat_office(self, ranked: list[str]) -> str | None:
        for c in ranked:
            if c in self.cues.seat_office:
                return self.cues.seat_office[c]
        return None

    def _race_at(self, doc: Doc, s: int, e: int, ranked: list[str]) -> tuple[str, str | None] | None:
        """One race noun at doc[s:e] with its modifiers: 'Port Calder's mayoral primary',
        'the Senate seat in Ohio', 'the special election for the 12th Congressional District'."""
        k = s
        while k > 0 and s - k < 7 and self._race_modifier(doc, k - 1):
            k -= 1
        words = [t.lower_ for t in doc]
        after, stop = None, e
        if e + 1 < len(doc) and words[e] in ("in", "for", "of", "to"):
            j = e + 2 if words[e + 1] == "the" else e + 1
            end = self._place_run(j)
            if end > j and not (end < len(doc) and end in self.office_start):
                after, stop = doc[j:end].text, end
        if stop == e and e < len(doc) and words[e] == "for":  # "the primary for U.S. Senate"
            stop = min(len(doc), e + 4)
        entry = None
        best = (99, 99, 99)
        for country, form, race in self.cues.race_offices:
            n = len(form)
            for j in range(k, stop - n + 1):
                if tuple(words[j:j + n]) == form:
                    # modifiers before the noun beat the noun, which beats the place after it
                    # ("Senate seat": senator; "the election for the 12th Congressional District")
                    key = (0 if j + n <= s else 1 if j < e else 2, ranked.index(country) if country in ranked else 99, -n)
                    if key < best:
                        best, entry = key, (country, race, range(j, j + n))
        place = self._mod_place(doc, k, s, entry[2] if entry else range(0))
        if entry is None:
            return None
        country, race, _rng = entry
        where = after or place
        if race.scope == "national":
            return race.office, race.jurisdiction or self.gaz.packs[country].offices.national_jurisdiction
        if race.scope == "body":
            return race.office, race.jurisdiction
        if race.scope == "party":
            parties = [self.party_at[j] for j in range(k, min(len(doc), e + 6)) if j in self.party_at]
            return race.office, parties[0] if parties else None
        if race.scope == "district":
            district = next((w for w in (after, place) if w and "district" in w.lower()), None)
            return race.office, district or where
        return race.office, where

    def _race_modifier(self, doc: Doc, i: int) -> bool:
        """A word that can sit between a determiner and a race noun: places, parties, years,
        office words, 'special', possessives ('Port Calder's mayoral primary')."""
        t = doc[i]
        if t.text in _POSS or i in self.party_at or t.like_num or _ORDINAL.match(t.text):
            return True
        if t.lower_ in _RACE_MODIFIERS or any(t.lower_ in form for _c, form, _r in self.cues.race_offices):
            return True
        owned = i in self.mention_start and i + 2 < len(doc) and doc[i + 2].text in _POSS  # "Jane Roe's Senate bid"
        return (t.is_title or t.is_upper and t.is_alpha) and not t.is_stop and not owned \
            or t.lower_ == "and" and i > 0 and doc[i - 1].is_title and i + 1 < len(doc) and doc[i + 1].is_title

    def _mod_place(self, doc: Doc, k: int, s: int, office_rng: range) -> str | None:
        """The first capitalized run among a race's modifiers that is not a party or the office word."""
        j = k
        while j < s:
            t = doc[j]
            if (t.is_title or t.is_upper and t.is_alpha or _ORDINAL.match(t.text)) and j not in self.party_at \
                    and j not in office_rng and t.text not in self.cues.race_not_places:
                end = j
                while end < s and end not in office_rng and end not in self.party_at and (
                        doc[end].is_title or doc[end].is_upper and doc[end].is_alpha or _ORDINAL.match(doc[end].text)
                        or doc[end].lower_ == "and" and end + 1 < s and doc[end + 1].is_title):
                    end += 1
                if end > j:
                    return doc[j:end].text
            j += 1
        return None

    def _place_run(self, i: int) -> int:
        """End of a place name starting at token i ('Glenbarra and Invermoy', '12th Congressional
        District', 'Ohio'), i when none; parties, known people and race words are not places."""
        doc = self.doc
        end = i
        while end < len(doc) and end - i < 6 and end not in self.party_at and (
                (doc[end].is_title or _ORDINAL.match(doc[end].text)) and doc[end].text not in self.cues.race_not_places
                or end > i and doc[end].lower_ in ("and", "of") and end + 1 < len(doc) and doc[end + 1].is_title
                and end + 1 not in self.party_at):
            end += 1
        return end

    # ------------------------------------------------------------------ output

    def _write(self, doc: Doc, people: list[Person]) -> None:
        spans, records = [], []
        used_ids: set[str] = set()
        for p in people:
            name = p.name
            pid = "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            while pid in used_ids:
                pid += "-2"
            used_ids.add(pid)
            if p.role != "candidate" and p.offices:
                p.role = "official"
            rule = p.rules[0] if p.rules else "people.surname"
            aliases = sorted({doc[s:e].text for s, e in p.mentions} - {name})
            for s, e in p.mentions:
                span = Span(doc, s, e, label="PERSON", span_id=pid)
                span._.set(PEOPLE, {"name": name, "person_id": pid, "role": p.role, "rule": rule})
                spans.append(span)
            records.append({
                "person_id": pid, "name": name, "aliases": aliases, "role": p.role,
                "party": p.party, "former_parties": list(p.former_parties),
                "office_sought": p.office_sought if p.role == "candidate" else None,
                "jurisdiction": p.jurisdiction if p.role == "candidate" else None,
                "offices": p.offices,
                "mentions": [[doc[s].idx, doc[e - 1].idx + len(doc[e - 1])] for s, e in p.mentions],
                "evidence": p.evidence, "rule": rule,
            })
        doc.spans[PEOPLE] = sorted(spans, key=lambda sp: sp.start)
        doc._.electx_people = records


def _groups(doc: Doc, ms: list[tuple[int, int]], tagger: PeopleTagger) -> list[list[tuple[int, int]]]:
    """Coordinated mentions ("Rick Caruso and Congresswoman Karen Bass") share a cue."""
    groups: list[list[tuple[int, int]]] = []
    for m in ms:
        if groups:
            last = groups[-1][-1]
            gap = doc[last[1]:m[0]]
            words = [t.lower_ for t in gap]
            if words and words[0] in _GROUP_GLUE and "and" in words and len(words) <= 4 and all(
                    w in _GROUP_GLUE or t.is_lower or t.i in tagger.office_tok for w, t in zip(words, gap)):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _jurisdiction_tokens(doc: Doc, span: Span) -> range:
    """Tokens of an office's place ("Mayor of Los Angeles", "Middlesbrough mayor"): never a name."""
    place = (span._.get(OFFICES) or {}).get("jurisdiction")
    if not place:
        return range(0)
    n = len(place.split())
    for start in (span.end + 1, span.end + 2, span.start - n):
        if 0 <= start and start + n <= len(doc) and doc[start:start + n].text == place:
            return range(start, start + n)
    return range(0)


def _nearest(people: list[Person], i: int) -> Person:
    """The person with this surname mentioned most recently before token i (else the first)."""
    best, best_pos = people[0], -1
    for p in people:
        prior = [s for s, _e in p.mentions if s <= i]
        if prior and max(prior) > best_pos:
            best, best_pos = p, max(prior)
    return best


def _group(doc: Doc, key: str) -> list[Span]:
    return sorted(doc.spans[key], key=lambda s: s.start) if key in doc.spans else []


def _index(doc: Doc, key: str, field_name: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for sp in _group(doc, key):
        value = (sp._.get(key) or {}).get(field_name)
        for i in range(sp.start, sp.end):
            out[i] = value
    return out


@Language.factory(
    "electx_people",
    assigns=["doc.spans", "doc._.electx_people"],
    requires=["doc.spans"],
    default_config={"countries": ["us", "uk"], "rules_dirs": []},
)
def make_people(nlp: Language, name: str, countries: list[str], rules_dirs: list[str]) -> PeopleTagger:
    """People, their roles, parties and offices, from the country packs plus ``rules_dirs``."""
    return PeopleTagger(nlp, name, cached_packs(tuple(countries), tuple(str(p) for p in rules_dirs)))


def _age(tok) -> bool:
    """'52' in 'Jane Roe, 52,': a plausible age."""
    return tok.like_num and tok.text.isdigit() and 18 <= int(tok.text) <= 110
