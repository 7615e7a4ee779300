"""Country rule packs as data: parties, offices and titles, validated on load.

A pack is a folder ``models/countries/<cc>/`` (or an analyst's folder) holding three files
with the same names in every country::

    parties.json   the parties, their canonical names and aliases
    offices.json   office words normalized to GOLD_FORMAT roles, their scope and status cues
    titles.json    honorifics stripped from names ("Mr", "Lord", "Rep.")
    roles.json     (optional) cue words for candidates, office links, party switches

:func:`load_packs` merges packs into one :class:`Gazetteer` with two views of the parties,
``by_id`` and ``by_alias`` (alias -> set of ids), so an alias shared by two countries stays
ambiguous until the article's context resolves it.  A bad file stops with
:class:`~extractor.errors.RuleFileError` naming the file and the entry; :func:`check_pack`
reports the same problems (and alias collisions) as a list for ``extractor rules check``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleFileError
from .resources import models_dir, read_json

PACK_FILES = ("parties.json", "offices.json", "titles.json")  # plus the optional roles.json
ID_PATTERN = r"^[a-z0-9][a-z0-9_]*$"

Scope = Literal["national", "local", "foreign", "party", "body", "constituency", "none"]
Status = Literal["current", "former", "nominated", "elect"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ----------------------------------------------------------------------------- parties


class PartyEntry(_Strict):
    """One party. ``aliases`` are matched case-sensitively as written; ``weak_aliases`` are
    also ordinary words ("Green", "Labour") and count only in context."""

    id: str = Field(pattern=ID_PATTERN, description="unique within the pack, e.g. 'lab'")
    name: str = Field(min_length=1, description="canonical name as GOLD_FORMAT spells it")
    full_name: str | None = None
    aliases: list[str] = Field(default_factory=list, description="safe surface forms: 'Tories', 'GOP'")
    weak_aliases: list[str] = Field(default_factory=list, description="forms that are also ordinary words")
    abbreviations: list[str] = Field(default_factory=list, description="'D' for '(D-Calif.)'")
    not_followed_by: list[str] = Field(default_factory=list, description="lowercase next words that cancel a weak alias")
    requires_next: list[str] = Field(default_factory=list, description="if set, a weak alias counts only before one of these words")
    noun_after: list[str] = Field(default_factory=list, description="lowercase words after which a weak alias used as a noun "
                                  "counts ('an independent, ...', 'a registered independent who')")
    notes: str | None = None


class PartiesFile(_Strict):
    country: str = Field(pattern=r"^[a-z]{2,3}$|^template$")
    description: str | None = None
    context_cues: list[str] = Field(default_factory=list, description="words that place an article in this country")
    place_cues: list[str] = Field(default_factory=list, description="places of this country ('Ontario', 'Dublin'): context cues")
    currency_cues: list[str] = Field(default_factory=list, description="currency words and symbols ('C$', 'euro'): context cues")
    office_cues: list[str] = Field(default_factory=list, description="offices and bodies only this country has "
                                   "('Taoiseach', 'Dáil', 'MPP'): context cues")
    blocked_phrases: list[str] = Field(default_factory=list, description="phrases that are never parties ('Independent on Sunday')")
    organisation_after: list[str] = Field(default_factory=list, description="capitalized head words, as written, that make "
                                          "a party word before them part of an organisation's name ('Labor Council')")
    organisation_before: list[str] = Field(default_factory=list, description="capitalized head words, as written, that make "
                                           "'<head> of <party word>' an organisation or post ('Department of Labor')")
    occupation_after: list[str] = Field(default_factory=list, description="lowercase occupations after which a party word "
                                        "is a common noun ('Labour lawyer', 'labor economist')")
    parties: list[PartyEntry] = Field(default_factory=list)

    def all_cues(self) -> list[str]:
        """Every phrase that places an article in this country (context, places, currencies, offices)."""
        return list(dict.fromkeys([*self.context_cues, *self.place_cues, *self.currency_cues, *self.office_cues]))


# ----------------------------------------------------------------------------- offices


class OfficeEntry(_Strict):
    """One office. ``forms`` match case-insensitively; ``case_forms`` as written ("MP", "PM")."""

    id: str = Field(pattern=ID_PATTERN)
    office: str = Field(min_length=1, description="lowercase GOLD_FORMAT role: 'member of parliament'")
    forms: list[str] = Field(default_factory=list)
    case_forms: list[str] = Field(default_factory=list)
    scope: Scope = "none"
    jurisdiction: str | None = Field(default=None, description="fixed jurisdiction, e.g. 'House of Lords'")
    needs_institution: bool = Field(default=False, description="party posts: dropped unless a party or named body owns them")
    portfolio: bool = Field(default=False, description="extends left over portfolio words: 'foreign affairs spokesman'")
    extend_right: bool = Field(default=False, description="takes up to 3 lowercase words after it: 'head of elections strategy'")
    portfolio_after: list[str] = Field(default_factory=list, description="lowercase links after the form that take the "
                                       "portfolio named next: ['for', 'of state for'] for 'Minister for Local Government', "
                                       "'Minister of State for Agriculture'")
    party_suffixes: dict[str, str] = Field(default_factory=dict, description="a word right after 'of the <party>' that "
                                           "renames the office: {'group': 'group leader'} for 'leader of the Labour group'")
    party_prefixes: dict[str, str] = Field(default_factory=dict, description="a word right before the owning party that "
                                           "renames the office: {'state': 'state party chair'} for 'State Republican Party Chair'")
    notes: str | None = None


class StatusWords(_Strict):
    former: list[str] = Field(default_factory=list)
    nominated: list[str] = Field(default_factory=list)
    elect: list[str] = Field(default_factory=list)
    current: list[str] = Field(default_factory=list)
    tenure: list[str] = Field(default_factory=list, description="'former' phrases that only describe holding the "
                              "post ('served as'): current after 'has'/'currently' or with 'since' after the office")


class OfficesFile(_Strict):
    country: str = Field(pattern=r"^[a-z]{2,3}$|^template$")
    description: str | None = None
    national_jurisdiction: str | None = None
    shadow_words: list[str] = Field(default_factory=list, description="'shadow': the post takes the party")
    status_words: StatusWords = Field(default_factory=StatusWords)
    not_offices: list[str] = Field(default_factory=list, description="staff posts that are not offices")
    portfolio_words: list[str] = Field(default_factory=list, description="lowercase words of a portfolio: 'home', 'affairs'")
    body_words: list[str] = Field(default_factory=list, description="'Assembly', 'Committee': kept in a body's name")
    offices: list[OfficeEntry] = Field(default_factory=list)


# ----------------------------------------------------------------------------- titles


class TitleEntry(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    forms: list[str] = Field(min_length=1, description="as written: 'Mr', 'Mr.', 'Rep.'")
    office: str | None = Field(default=None, description="office the title implies: 'Rep.' -> 'representative'")
    jurisdiction: str | None = None
    first_name: bool = Field(default=False, description="used with the first name: 'Sir Anthony' for Sir Anthony Hale")
    notes: str | None = None


class TitlesFile(_Strict):
    country: str = Field(pattern=r"^[a-z]{2,3}$|^template$")
    description: str | None = None
    titles: list[TitleEntry] = Field(default_factory=list)


# ----------------------------------------------------------------------------- roles

RaceScope = Literal["local", "national", "party", "district", "constituency", "body"]


class RaceOffice(_Strict):
    """Words that name the office a race is for: 'mayoral' -> mayor, 'Senate' -> senator.

    ``scope`` says where the race's jurisdiction comes from: ``local`` (a place before it or
    after in/for/of: "Ohio's Senate race", "the Senate seat in Ohio"), ``national`` (the pack's
    ``national_jurisdiction``), ``party`` (the party named: "the Conservative leadership
    contest"), ``district`` (the district itself: "the 12th Congressional District"),
    ``constituency`` (the seat's name: "the Hartlepool by-election"), ``body`` (fixed
    ``jurisdiction``)."""

    forms: list[str] = Field(min_length=1, description="lowercase words before or as the race noun: 'mayoral', 'senate'")
    office: str = Field(min_length=1, description="lowercase office sought: 'mayor', 'senator'")
    scope: RaceScope = "local"
    jurisdiction: str | None = None
    notes: str | None = None



class OfficeVerb(_Strict):
    """A verb phrase linking its subject to the office right after it: 'was elected' (mayor),
    'served as' (governor). ``status``: ``by_time`` = current unless the clause dates it to the past
    ('in 1974', 'from 1990 to 1994', 'until'), current when it says 'since' / 'currently'."""

    forms: list[str] = Field(min_length=1, description="lowercase token sequences: 'was first elected', 'served as'")
    status: Literal["current", "former", "by_time"] = "by_time"
    notes: str | None = None


class BodyOffice(_Strict):
    """A body after an office verb that names the office: 'elected to the council' -> councillor."""

    forms: list[str] = Field(min_length=1, description="lowercase body nouns after the verb, 'to', 'the' and a name: "
                             "'council' ('elected to Ballinvar County Council'), 'dáil', 'ward'")
    office: str = Field(min_length=1)
    jurisdiction: str | None = Field(default=None, description="fixed; else the body's capitalized name, if any")
    verbs: list[str] = Field(default_factory=list, description="office verb forms it is limited to: 'chaired' (the "
                             "council) -> council chairman; empty: any")
    notes: str | None = None


class RolesFile(_Strict):
    """Cue words that make a person a candidate, link names to offices and parties.

    Phrases are lowercase token sequences (spaCy tokens joined by spaces: "n't", "run - off")."""

    country: str = Field(pattern=r"^[a-z]{2,3}$|^template$")
    description: str | None = None
    candidate_after: list[str] = Field(default_factory=list, description="after a name: 'is running for', 'received'")
    candidate_before: list[str] = Field(default_factory=list, description="before a name: 'lead over', 'challenger'")
    candidate_nouns: list[str] = Field(default_factory=list, description="'frontrunners', 'candidates': 'Democratic frontrunners - A and B'")
    win_verbs: list[str] = Field(default_factory=list, description="'won', 'lost': candidate cues when an election word follows")
    election_nouns: list[str] = Field(default_factory=list, description="'election', 'seat', 'vote', 'race', 'primary'")
    negators: list[str] = Field(default_factory=list, description="'not', 'unable': cancel a candidate cue before it")
    hypothetical: list[str] = Field(default_factory=list, description="'speculation', 'if': cancel a cue about someone else")
    leadership_cues: list[str] = Field(default_factory=list, description="'bid for the leadership': the office sought is party leader")
    office_links: list[str] = Field(default_factory=list, description="'resigned as', 'who is now': name ... office")
    office_modifiers: list[str] = Field(default_factory=list, description="words allowed between a name's link and "
                                        "its office: 'two', 'term', 'longest', 'serving' ('a former two-term mayor')")
    office_verbs: list[OfficeVerb] = Field(default_factory=list, description="'was elected', 'served as': "
                                           "name or he/she, the verb, then the office")
    office_bodies: list[BodyOffice] = Field(default_factory=list, description="'to the council' after an office verb")
    former_party_cues: list[str] = Field(default_factory=list, description="'expelled from', 'quit': the party after is a former one")
    switch_cues: list[str] = Field(default_factory=list, description="'switched allegiance from': from P1 to P2")
    party_links: list[str] = Field(default_factory=list, description="'for', 'new party ,': the party after is theirs")
    former_markers: list[str] = Field(default_factory=list, description="'defector': 'Tory defector X' was a Tory")
    speech_verbs: list[str] = Field(default_factory=list, description="'said', 'told': a capitalized name before them is a person")
    race_cues: list[str] = Field(default_factory=list, description="'race for', 'next': an office after them is the one sought")
    seat_office: str | None = Field(default=None, description="office sought when a seat is contested: 'member of parliament'")
    not_name_words: list[str] = Field(default_factory=list, description="capitalized words never part of a person's name")
    name_intro: list[str] = Field(default_factory=list, description="lowercase words right before a capitalized run that make "
                                  "it a person's name: 'selected', 'candidate', 'defeat of'")
    nominate_verbs: list[str] = Field(default_factory=list, description="a party putting up a candidate, right before the name: "
                                      "'has selected', 'are standing', 'is fielding'")
    share_links: list[str] = Field(default_factory=list, description="words allowed between a name and its vote share: "
                                   "'on', 'took', 'was a distant third with'")
    count_cues: list[str] = Field(default_factory=list, description="lowercase words showing a sentence reports a poll or a "
                                  "count ('poll', 'counted'): there 'Roe on 30 and Hale on 19' are vote shares")
    primary_nouns: list[str] = Field(default_factory=list, description="'primary', 'nomination': '<Party> primary' gives the "
                                     "party of the candidates in that sentence")
    race_nouns: list[str] = Field(default_factory=list, description="words naming a contest: 'race', 'by - election', 'seat'")
    race_offices: list[RaceOffice] = Field(default_factory=list, description="words naming the office a race is for")
    race_not_places: list[str] = Field(default_factory=list, description="capitalized words never a race's place: 'US', 'Democratic'")
    coreferent_offices: list[str] = Field(default_factory=list, description="single-holder offices ('prime minister', 'mayor'): "
                                          "'the prime minister said' is the holder named earlier in the article")
    race_local_offices: list[str] = Field(default_factory=list, description="offices whose unstated jurisdiction is the "
                                          "article's race's: 'returning officer'")
    vacate_cues: list[str] = Field(default_factory=list, description="after a name: 'resigned', 'stood down': a former holder of "
                                   "the seat the article's race is for")
    successor_cues: list[str] = Field(default_factory=list, description="before a name: 'to succeed', 'take over for': the "
                                      "current holder of the office the article's race is for")
    cue_cancellers: list[str] = Field(default_factory=list, description="words right after a candidate cue that undo it: "
                                      "'stand down', 'stand aside'")
    loser_links: list[str] = Field(default_factory=list, description="right before a party-tagged name in a sentence with a "
                                   "win verb: 'ahead of', 'from': 'won ... ahead of Labour's Jane Roe' (a beaten candidate)")
    commenting_offices: list[str] = Field(default_factory=list, description="offices whose holders, named with them, speak "
                                          "about a race rather than contest it ('minister', 'deputy premier'); a portfolio "
                                          "form counts ('minister for housing')")
    loose_cues: list[str] = Field(default_factory=list, description="candidate cues too loose to make a commenting "
                                  "office-holder a candidate: 'conceded', 'welcomed'")
    apposition_nouns: list[str] = Field(default_factory=list, description="a noun between a party and a name: 'the sitting "
                                        "Liberal member, Jane Roe', 'Republican businessman Jane Roe'")
    naming_words: list[str] = Field(default_factory=list, description="words that hand a description to a name: 'The "
                                    "Democratic nominee, a two-term congresswoman named Jane Roe' (the party before the "
                                    "comma is the named person's): 'named', 'called'")
    term_offices: list[str] = Field(default_factory=list, description="offices held through the party's win, not a personal "
                                    "contest: 'Prime Minister Jane Roe has won a second term' (a win verb, then 'term') "
                                    "does not make the holder a candidate ('prime minister', 'premier')")
    place_intro: list[str] = Field(default_factory=list, description="lowercase words right before a place, never a name: "
                                   "'seat of', 'riding of' ('kept her seat of Saanich Cove')")
    term_nouns: list[str] = Field(default_factory=list, description="words after a win verb that name a term of office, "
                                  "read with ``term_offices``: 'term', 'terms'")


# ----------------------------------------------------------------------------- loading

M = TypeVar("M", bound=BaseModel)


def _entry_name(raw: Any, loc: tuple) -> str:
    """'parties[3] (id 'lab').aliases' from a pydantic error location."""
    parts: list[str] = []
    node = raw
    for item in loc:
        if isinstance(item, int):
            label = f"[{item}]"
            if isinstance(node, list) and item < len(node):
                node = node[item]
                if isinstance(node, dict) and "id" in node:
                    label += f" (id {node['id']!r})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return "".join(parts) or "<top level>"


def _validate(model: type[M], path: Path) -> M:
    raw = read_json(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        entry = _entry_name(raw, tuple(err["loc"]))
        hint = ""
        if err["type"] == "extra_forbidden":
            hint = f" (unknown key; allowed keys: {', '.join(_allowed_keys(model, tuple(err['loc'])))})"
        raise RuleFileError("E004", path=str(path), entry=entry, detail=err["msg"] + hint) from None


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names valid at the parent of ``loc`` (for the unknown-key hint)."""
    current: Any = model
    for item in loc[:-1]:
        if isinstance(item, int):
            continue
        fld = current.model_fields.get(item) if hasattr(current, "model_fields") else None
        if fld is None:
            return []
        ann = fld.annotation
        args = getattr(ann, "__args__", ())
        current = next((a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            return []
    return list(current.model_fields)


def _check_unique(path: Path, kind: str, ids: list[str]) -> None:
    seen: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident in seen:
            raise RuleFileError("E005", path=str(path), entry=ident,
                                detail=f"{kind}[{seen[ident]}] and {kind}[{i}] both use it")
        seen[ident] = i


@dataclass(frozen=True)
class CountryPack:
    """One validated country folder."""

    code: str
    path: Path
    parties: PartiesFile
    offices: OfficesFile
    titles: TitlesFile
    roles: RolesFile


def load_pack(folder: Path, code: str | None = None) -> CountryPack:
    """Read and validate one country folder (raises RuleFileError on the first problem)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleFileError("E002", path=str(folder), detail="not a folder")
    parties = _validate(PartiesFile, folder / "parties.json")
    offices = _validate(OfficesFile, folder / "offices.json")
    titles = _validate(TitlesFile, folder / "titles.json")
    roles_path = folder / "roles.json"
    roles = _validate(RolesFile, roles_path) if roles_path.is_file() else RolesFile(country=parties.country)
    _check_unique(folder / "parties.json", "parties", [p.id for p in parties.parties])
    _check_unique(folder / "offices.json", "offices", [o.id for o in offices.offices])
    _check_unique(folder / "titles.json", "titles", [t.id for t in titles.titles])
    return CountryPack(code=code or folder.name, path=folder, parties=parties, offices=offices, titles=titles, roles=roles)


@dataclass(frozen=True)
class PartyRecord:
    """A party with its global id ``<cc>:party:<id>``."""

    gid: str
    country: str
    entry: PartyEntry

    @property
    def name(self) -> str:
        return self.entry.name


@dataclass
class Gazetteer:
    """Every loaded pack, with party look-ups by id and by alias (alias -> set of ids)."""

    packs: dict[str, CountryPack] = field(default_factory=dict)
    by_id: dict[str, PartyRecord] = field(default_factory=dict)
    by_alias: dict[str, set[str]] = field(default_factory=dict)

    @property
    def countries(self) -> list[str]:
        return list(self.packs)

    def add(self, pack: CountryPack) -> None:
        """Add (or replace) one country's pack."""
        if pack.code in self.packs:
            self.by_id = {k: v for k, v in self.by_id.items() if v.country != pack.code}
            self.by_alias = {a: {i for i in ids if not i.startswith(pack.code + ":")} for a, ids in self.by_alias.items()}
            self.by_alias = {a: ids for a, ids in self.by_alias.items() if ids}
        self.packs[pack.code] = pack
        for entry in pack.parties.parties:
            gid = f"{pack.code}:party:{entry.id}"
            self.by_id[gid] = PartyRecord(gid, pack.code, entry)
            for alias in {entry.name, *entry.aliases, *entry.weak_aliases}:
                self.by_alias.setdefault(alias, set()).add(gid)

    def ambiguous_aliases(self) -> dict[str, set[str]]:
        """Aliases that name parties in more than one pack (or two parties)."""
        return {a: ids for a, ids in self.by_alias.items() if len(ids) > 1}

    def party_names(self) -> set[str]:
        return {r.name for r in self.by_id.values()}


def _pack_folders(countries: list[str], extra_dirs: list[Path]) -> list[tuple[str, Path]]:
    out = [(cc, models_dir() / "countries" / cc) for cc in countries]
    for d in extra_dirs:
        d = Path(d)
        if (d / "parties.json").is_file():
            out.append((d.name, d))
        elif d.is_dir():
            out += [(sub.name, sub) for sub in sorted(d.iterdir()) if (sub / "parties.json").is_file()]
        else:
            raise RuleFileError("E002", path=str(d), detail="rules folder not found")
    return out


def load_packs(countries: list[str], extra_dirs: list[Path] | None = None) -> Gazetteer:
    """The shipped packs for ``countries`` plus every pack in ``extra_dirs``.

    An extra dir is either one country folder (holding parties.json) or a folder of them;
    its folder name is the country code, and it replaces a shipped pack of the same code.
    """
    gaz = Gazetteer()
    for code, folder in _pack_folders(list(countries), [Path(p) for p in extra_dirs or []]):
        gaz.add(load_pack(folder, code))
    return gaz


def check_pack(folder: Path) -> list[str]:
    """Problems in one pack folder (or a folder of packs), as readable lines; [] when clean.

    Reports the first validation error of each pack, then alias collisions inside a pack and
    aliases shared with the shipped packs (informational: they stay ambiguous until context).
    """
    folder = Path(folder)
    folders = [folder] if (folder / "parties.json").is_file() else sorted(
        p for p in folder.iterdir() if p.is_dir() and (p / "parties.json").is_file()) if folder.is_dir() else [folder]
    if not folders:
        return [f"{folder}: no pack found (a pack folder holds {', '.join(PACK_FILES)})"]
    problems: list[str] = []
    shipped: Gazetteer | None = None
    try:
        shipped_dir = models_dir() / "countries"
        codes = [p.name for p in shipped_dir.iterdir() if (p / "parties.json").is_file() and p.name != "template"]
        shipped = load_packs(codes)
    except RuleFileError as exc:
        problems.append(str(exc))
    for sub in folders:
        try:
            pack = load_pack(sub)
        except RuleFileError as exc:
            problems.append(str(exc))
            continue
        problems += _collisions(pack, shipped)
    return problems


def _collisions(pack: CountryPack, shipped: Gazetteer | None) -> list[str]:
    out: list[str] = []
    owner: dict[str, str] = {}
    for entry in pack.parties.parties:
        for alias in {entry.name, *entry.aliases, *entry.weak_aliases}:
            if alias in owner and owner[alias] != entry.id:
                out.append(f"{pack.path / 'parties.json'}: alias {alias!r} used by both {owner[alias]!r} and {entry.id!r}")
            owner.setdefault(alias, entry.id)
    forms: dict[str, str] = {}
    for off in pack.offices.offices:
        for form in [f.lower() for f in off.forms] + off.case_forms:
            if form in forms and forms[form] != off.id:
                out.append(f"{pack.path / 'offices.json'}: form {form!r} used by both {forms[form]!r} and {off.id!r}")
            forms.setdefault(form, off.id)
    if shipped is not None:
        for alias, pid in sorted(owner.items()):
            others = sorted(i for i in shipped.by_alias.get(alias, set()) if not i.startswith(pack.code + ":"))
            if others:
                out.append(f"note: {pack.path / 'parties.json'}: alias {alias!r} ({pack.code}:party:{pid}) is "
                           f"shared with {', '.join(others)}; it stays ambiguous until context resolves it")
    return out


@lru_cache(maxsize=8)
def cached_packs(countries: tuple[str, ...], extra_dirs: tuple[str, ...] = ()) -> Gazetteer:
    """:func:`load_packs` memoized per (countries, dirs): the three person/party/office components share it."""
    return load_packs(list(countries), [Path(d) for d in extra_dirs])
