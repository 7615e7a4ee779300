"""Cue words for the people rules: the packs' ``roles.json`` lists merged into :class:`Cues`
(phrases as :class:`~extractor.people_tokens.PhraseIndex`), and the few fixed English word sets
and token shapes the rules use."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .people_tokens import PhraseIndex
from .rules import Gazetteer, RaceOffice

DASHES = {"-", "–", "—", ":", ",", "(", "both", "and"}
GROUP_GLUE = {"and", ",", "&"}
CLAUSE_BREAK = {"if", "that", "when", "because", "while", "although", "which", "where", "so", "unless", "whether", "what"}
POSS = ("'s", "’s", "'", "’")
QUOTES = {'"', "“", "”", "'", "‘"}
WIN_SKIP = {"the", "a", "an", "first", "second", "third", "fourth", "fifth", "sixth", "final", "his", "her", "its", "their",
            "yesterday", "today", "tonight", "'s", "’s", "last", "this", "next", "week", "year", "month", "thursday",
            "tuesday", "wednesday", "monday", "friday", "saturday", "sunday", "night"}
ROLE_MODIFIERS = {"state", "former", "ex", "-", "then", "current", "incumbent", "sitting", "retiring", "outgoing"}
NOT_PARTY_OWNERS = {"council", "government", "committee", "commission", "company", "union", "board", "group",
                    "authority", "assembly", "administration", "campaign", "firm", "organisation", "organization",
                    "coalition", "club", "city", "country", "state", "province", "movement"}  # 'its' is not a party's
AUX = {"has", "had", "is", "was", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does"}
CONTEST_VERBS = {"contest", "contests", "contesting"}
RACE_MODIFIERS = {"special", "general", "open", "-", "and", "state", "city", "federal", "provincial"}
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin-1 letters: "Ciarán", "Hélène", "Vézina"
NAME_TOK = re.compile(rf"^[{_UP}][{_LO}]*(?:['’][{_UP}]?[{_LO}]+|[{_UP}][{_LO}]+)*[{_LO}]$"
                      rf"|^[{_UP}][{_LO}]*(?:Mc|Mac)?[{_UP}][{_LO}]+$")
ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
INITIAL = re.compile(r"^[A-Z]\.$")
CAPITAL = re.compile(r"^[A-Z]")
TALLY = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{2,6}$")
SHARE = re.compile(r"^\d{1,2}(?:\.\d+)?$")
PLACE_PREPS = {"in", "at", "near", "contest", "contesting", "contested", "represent", "represents", "representing",
               "constituency", "seat"}


@dataclass
class Cues:
    """The merged roles.json lists of every loaded pack (phrases as token tuples in a
    :class:`PhraseIndex`, longest first)."""

    after: PhraseIndex
    before: PhraseIndex
    nouns: set[str]
    win: set[str]
    election: set[str]
    negators: PhraseIndex
    hypothetical: set[str]
    leadership: PhraseIndex
    office_links: PhraseIndex
    former_party: PhraseIndex
    switch: set[str]
    party_links: PhraseIndex
    former_markers: set[str]
    speech: set[str]
    race: PhraseIndex
    seat_office: dict[str, str]
    not_name: set[str]
    name_intro: PhraseIndex
    nominate: PhraseIndex
    share_links: set[str]
    count_cues: set[str]
    primary: PhraseIndex
    race_nouns: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    race_offices: list[tuple[str, tuple[str, ...], RaceOffice]] = field(default_factory=list)  # country, form, entry
    race_not_places: set[str] = field(default_factory=set)
    coreferent: set[str] = field(default_factory=set)
    race_local: set[str] = field(default_factory=set)
    vacate: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    successor: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    cancel: set[str] = field(default_factory=set)
    loser_links: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    apposition_nouns: set[str] = field(default_factory=set)
    commenting_offices: set[str] = field(default_factory=set)
    loose: set[str] = field(default_factory=set)
    term_offices: set[str] = field(default_factory=set)
    naming: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    term_nouns: set[str] = field(default_factory=set)
    place_intro: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    office_modifiers: set[str] = field(default_factory=set)
    office_verbs: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    office_verb_status: dict[tuple[str, ...], str] = field(default_factory=dict)
    office_bodies: PhraseIndex = field(default_factory=lambda: PhraseIndex([]))
    body_office: dict[tuple[str, ...], list[tuple[frozenset, str, str | None]]] = field(default_factory=dict)
    # body form -> [(verb forms it is limited to, office, jurisdiction)], specific ones first

    @classmethod
    def from_gazetteer(cls, gaz: Gazetteer) -> Cues:
        def phrases(key: str) -> PhraseIndex:
            seen = {tuple(p.lower().split()) for pack in gaz.packs.values() for p in getattr(pack.roles, key)}
            return PhraseIndex(sorted(seen, key=lambda p: (-len(p), p)))  # total order: same output in every process

        def words(key: str) -> set[str]:
            return {p.lower() for pack in gaz.packs.values() for p in getattr(pack.roles, key)}

        verbs = {tuple(f.lower().split()): v.status for pack in gaz.packs.values() for v in pack.roles.office_verbs
                 for f in v.forms}
        bodies: dict[tuple[str, ...], list[tuple[frozenset, str, str | None]]] = {}
        for pack in gaz.packs.values():
            for b in pack.roles.office_bodies:
                limit = frozenset(tuple(v.lower().split()) for v in b.verbs)
                for f in b.forms:
                    bodies.setdefault(tuple(f.lower().split()), []).append((limit, b.office, b.jurisdiction))
        for entries in bodies.values():
            entries.sort(key=lambda x: (not x[0], x[1]))
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
            count_cues=words("count_cues"),
            primary=phrases("primary_nouns"), race_nouns=phrases("race_nouns"),
            race_offices=sorted(((c, tuple(f.lower().split()), r) for c, pack in gaz.packs.items()
                                 for r in pack.roles.race_offices for f in r.forms), key=lambda x: -len(x[1])),
            race_not_places={w for pack in gaz.packs.values() for w in pack.roles.race_not_places},
            coreferent=words("coreferent_offices"), race_local=words("race_local_offices"), vacate=phrases("vacate_cues"), successor=phrases("successor_cues"),
            cancel=words("cue_cancellers"), loser_links=phrases("loser_links"), apposition_nouns=words("apposition_nouns"),
            commenting_offices=words("commenting_offices"), loose=words("loose_cues"),
            term_offices=words("term_offices"), naming=phrases("naming_words"), term_nouns=words("term_nouns"),
            place_intro=phrases("place_intro"),
            office_modifiers=words("office_modifiers"),
            office_verbs=PhraseIndex(sorted(verbs, key=lambda p: (-len(p), p))), office_verb_status=verbs,
            office_bodies=PhraseIndex(sorted(bodies, key=lambda p: (-len(p), p))), body_office=bodies,
        )
