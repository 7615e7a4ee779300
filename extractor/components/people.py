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

The rules live beside this factory: ``extractor/people_names.py`` (mentions, clustering),
``people_roles.py`` (candidate cues, offices, parties), ``people_races.py`` (the races and the
office sought), ``people_cues.py`` (the merged cue lists) and ``people_tokens.py`` (one pass
over the Doc into plain lists; cue phrases indexed by first and last word).  All per-document
lookups are built once in :meth:`PeopleTagger.__call__`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..people_cues import CONTEST_VERBS, Cues
from ..people_names import NameRules, Person
from ..people_races import RaceRules
from ..people_roles import RoleRules
from ..people_tokens import Lex, PhraseIndex, Sent, TokenView
from ..rules import Gazetteer, RaceOffice, cached_packs
from ..spans import OFFICES, PARTIES, PEOPLE
from .parties import CountryCues, group_data


_NOT_SLUG = re.compile(r"[^a-z0-9]+")  # what a person id replaces with "-"


class PeopleTagger(NameRules, RoleRules, RaceRules):
    """The ``electx_people`` component: per-document state, then mentions, people, roles, output."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gaz = gazetteer
        self.cues = Cues.from_gazetteer(gazetteer)
        self.title_forms = {f for p in gazetteer.packs.values() for t in p.titles.titles for f in t.forms}
        self.first_name_titles = {f for p in gazetteer.packs.values() for t in p.titles.titles if t.first_name
                                  for f in t.forms}
        self.country_cues = CountryCues(nlp, gazetteer)
        self.lexemes: dict[int, Lex] = {}  # ORTH id -> lexeme texts and flags (see TokenView)
        self.name_texts: dict[str, bool] = {}  # token text -> can be part of a name (see _name_text)
        self.cue_starts = {ph[0] for ph in self.cues.after if ph[0].isalpha()}
        self.race_office_words = {w for _c, form, _r in self.cues.race_offices for w in form}
        self.seat_triggers = self.cues.win | CONTEST_VERBS
        self.race_forms_by_first: dict[str, list[tuple[int, str, tuple[str, ...], RaceOffice]]] = {}
        self.race_forms_empty: list[tuple[int, str, tuple[str, ...], RaceOffice]] = []
        for order, (country, form, race) in enumerate(self.cues.race_offices):
            if form:
                self.race_forms_by_first.setdefault(form[0], []).append((order, country, form, race))
            else:
                self.race_forms_empty.append((order, country, form, race))

    # ------------------------------------------------------------------ annotations

    def __call__(self, doc: Doc) -> Doc:
        self.doc = doc
        self.tv = tv = TokenView(doc, self.lexemes)
        self.words = tv.words
        self.count_sents: dict[int, bool] = {}  # sentence start -> reports a poll or count
        parties, offices = _group(doc, PARTIES), _group(doc, OFFICES)
        self.party_spans = [sp for sp, _data in parties]
        self.office_spans = [sp for sp, _data in offices]
        self.ents = tv.ents
        self.span_data: dict[int, dict | None] = {id(sp): data for sp, data in (*parties, *offices)}
        # id(party or office span) -> its span._ data
        self.party_at: dict[int, str] = {}
        self.party_span_at: dict[int, Span] = {}
        for sp in self.party_spans:
            name = (self.span_data[id(sp)] or {}).get("name")
            for i in range(sp.start, sp.end):
                self.party_at[i] = name
                self.party_span_at[i] = sp
        self.office_end: dict[int, Span] = {}
        self.office_start: dict[int, Span] = {}
        self.office_tok: set[int] = set()
        self.place_tok: set[int] = set()
        self.place_end: dict[int, Span] = {}
        self.place_of: dict[int, range] = {}  # id(office span) -> its place's tokens
        for sp in self.office_spans:
            self.office_end[sp.end] = sp
            self.office_start[sp.start] = sp
            self.office_tok.update(range(sp.start, sp.end))
            place = self.place_of[id(sp)] = _jurisdiction_tokens(tv, sp, self.span_data[id(sp)])
            self.place_tok.update(place)
            if place and place.start > sp.end:
                self.place_end[place.stop] = sp  # "returning officer for Kelby"
        self.places = {(self.span_data[id(sp)] or {}).get("jurisdiction") for sp in self.office_spans}
        known = self.name_texts
        shape = [known.get(text) for text in tv.texts]
        if None in shape:
            shape = [self._name_text(text) if ok is None else ok for text, ok in zip(tv.texts, shape)]
        for i in (*self.party_at, *self.office_tok, *self.place_tok):  # parties, offices and places are not names
            shape[i] = False
        for i in _intro_places(tv.words, tv.texts, self.cues.place_intro):  # "her seat of Saanich Cove"
            shape[i] = False
        self.name_ok: list[bool] = shape
        self.not_person_ent: set[int] = set()
        self.org_ent: dict[int, tuple[int, int]] = {}
        self.one_word_ent: dict[int, str] = {}  # token -> label of a one-word entity ("Felicity" GPE, "Tuilagi" ORG)
        self.ent_extent: dict[int, int] = {}  # start -> end of a non-person entity
        for start, end, label in self.ents:  # the statistical model's places and organisations are not names
            if label in ("GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW"):
                self.not_person_ent.update(range(start, end))
                self.ent_extent[start] = end
                if end - start == 1:
                    self.one_word_ent[start] = label
                if label not in ("GPE", "LOC", "NORP"):  # often a misread name
                    self.org_ent[start] = (start, end)
        mentions = self._mentions(doc)
        people = self._cluster(doc, mentions)
        self.led_by = "led" in tv.words  # "D66, led by Jane Roe": see RoleRules._led_party
        labels = self._speaker_labels()
        if labels:
            people = [p for p in people if not self._speaker_label_only(p, labels)]
        mention_owner = {m: p for p in people for m in p.mentions}
        self._roles(doc, people, mention_owner)
        self._write(doc, people)
        return doc

    def _speaker_label_only(self, p: Person, labels: set[str]) -> bool:
        """A one-word 'person' named only after 'the' ('the Beacon is putting questions') whose word
        is also a capitalized speaker label ('BEACON: Why ...?' in a Q&A): a publication, not a person."""
        words = self.words
        return all(e - s == 1 and s > 0 and words[s - 1] == "the" and words[s] in labels for s, e in p.mentions)

    def _speaker_labels(self) -> set[str]:
        """Lowercased capitals opening a line before a colon: 'BEACON:', 'TANAKA-HILL:'."""
        texts, lex, out = self.tv.texts, self.tv.lex, set()
        colons, i = [], 0
        try:
            while True:
                i = texts.index(":", i + 1)
                colons.append(i)
        except ValueError:
            pass
        for i in colons:
            w = texts[i - 1]
            if w.isupper() and len(w) > 1 and (i == 1 or lex[i - 2].is_space and "\n" in texts[i - 2]):
                out.add(self.words[i - 1])
        return out

    # ------------------------------------------------------------------ roles

    def _roles(self, doc: Doc, people: list[Person], owner: dict) -> None:
        starts = sorted(owner)
        self.mention_start = {m[0] for m in owner}
        self.title_tok = {i for sp in self.office_start.values() if sp.label_ == "TITLE" for i in range(sp.start, sp.end)}
        in_sent: dict[int, list[tuple[int, int]]] = {}
        for m in starts:
            in_sent.setdefault(self.tv.sent_of[m[0]], []).append(m)
        for si, bounds in enumerate(self.tv.sents):
            if si not in in_sent:
                continue  # no one named in this sentence
            sent = Sent(*bounds)
            groups = self._groups(doc, in_sent[si])
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
        self._paragraph_candidates(doc, owner)
        self._primary_parties(doc, people, owner)
        self._lede_offices(doc, people, owner)
        self._verb_offices(people, owner)
        self._races(doc, people)
        self._race_holders(doc, people, owner)
        self._header_candidates(owner)
        for p in people:
            for o in p.offices:
                if o["jurisdiction"]:
                    continue
                if self.race and (o["office"] == self.race[0] or o["office"] in self.cues.race_local):
                    o["jurisdiction"] = self.race[1]  # "Mayor Helen Marsh" in a story about the Port Calder race
                elif o["office"].startswith("shadow ") and p.party:
                    o["jurisdiction"] = p.party  # a shadow post belongs to the holder's party
        self._role_coreference(doc, people, owner)

    # ------------------------------------------------------------------ output

    def _write(self, doc: Doc, people: list[Person]) -> None:
        spans, records = [], []
        used_ids: set[str] = set()
        idx, texts = self.tv.idx, self.tv.texts
        for p in people:
            name = p.name
            pid = "person:" + _NOT_SLUG.sub("-", name.lower()).strip("-")
            while pid in used_ids:
                pid += "-2"
            used_ids.add(pid)
            if p.role != "candidate" and p.offices:
                p.role = "official"
            rule = p.rules[0] if p.rules else "people.surname"
            aliases = sorted({self.tv.span_text(s, e) for s, e in p.mentions} - {name})
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
                "mentions": [[idx[s], idx[e - 1] + len(texts[e - 1])] for s, e in p.mentions],
                "evidence": p.evidence, "rule": rule,
            })
        doc.spans[PEOPLE] = sorted(spans, key=lambda sp: sp.start)
        doc._.electx_people = records


def _jurisdiction_tokens(tv: TokenView, span: Span, data: dict | None) -> range:
    """Tokens of an office's place ("Mayor of Los Angeles", "Middlesbrough mayor"): never a name;
    ``data`` is the office span's ``span._.electx_offices``."""
    place = (data or {}).get("jurisdiction")
    if not place:
        return range(0)
    n = len(place.split())
    for start in (span.end + 1, span.end + 2, span.start - n):
        if 0 <= start and start + n <= len(tv.texts) and tv.span_text(start, start + n) == place:
            return range(start, start + n)
    return range(0)


def _intro_places(words: list[str], texts: list[str], intro: PhraseIndex, max_len: int = 5) -> list[int]:
    """Positions of the capitalized run (at most ``max_len`` tokens, hyphens allowed) right after a
    place cue ("seat of", "riding of"): a place, never a person's name."""
    out: list[int] = []
    first = intro.first_words
    for i, w in enumerate(words):
        if w not in first:
            continue
        ph = intro.starts_at(words, i)
        if not ph:
            continue
        k = i + len(ph)
        stop = min(len(texts), k + max_len)
        while k < stop and (texts[k][:1].isupper() or (texts[k] == "-" and k + 1 < stop and texts[k + 1][:1].isupper())):
            out.append(k)
            k += 1
    return out


def _group(doc: Doc, key: str) -> list[tuple[Span, dict | None]]:
    """(span, its ``span._.<key>`` data) for the spans of ``doc.spans[key]``, by start."""
    return sorted(group_data(doc, key), key=lambda sd: sd[0].start)


@Language.factory(
    "electx_people",
    assigns=["doc.spans", "doc._.electx_people"],
    requires=["doc.spans"],
    default_config={"countries": ["us", "uk"], "rules_dirs": []},
)
def make_people(nlp: Language, name: str, countries: list[str], rules_dirs: list[str]) -> PeopleTagger:
    """People, their roles, parties and offices, from the country packs plus ``rules_dirs``."""
    return PeopleTagger(nlp, name, cached_packs(tuple(countries), tuple(str(p) for p in rules_dirs)))
