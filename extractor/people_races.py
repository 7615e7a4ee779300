"""Races for ``electx_people``: which contest the article is about and who sought or held it.

:class:`RaceRules` reads race nouns ("the mayoral primary", "the Hartlepool by-election"),
race cues before offices ("the race for mayor") and contested seats, and gives candidates
their ``office_sought`` / ``jurisdiction``; it uses the per-document state that
:class:`~extractor.components.people.PeopleTagger` sets up.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .people_cues import CONTEST_VERBS, ORDINAL, POSS, RACE_MODIFIERS
from .people_names import Person


class RaceRules:
    """The article's races and the office each candidate seeks."""

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
            sents = {self.tv.sent_of[s] for s, _e in p.mentions}
            own = [(o, j) for i, o, j in readings if j and self.tv.sent_of[i] in sents]
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
            words, lex = self.words, self.tv.lex
            after = [words[i] for i in range(e, min(e + 6, len(words))) if not lex[i].is_space][:4]
            before = [words[i] for i in range(max(0, s - 6), s) if not lex[i].is_space][-4:]
            if any(k2 == 0 or k2 == 1 and after[0] in ("has", "had", "was") for _ph, k2 in self.cues.vacate.hits(after)):
                status = "former"
            elif self.cues.successor.tail(before, len(before)) is not None:
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
                                  "start": self.tv.idx[s], "end": self.tv.idx[e - 1] + len(self.tv.texts[e - 1]),
                                  "rule": "people.race_holder"})

    def _body_of(self, office: str) -> str | None:
        """The fixed body of an office ('member of parliament' -> 'House of Commons'), if any."""
        for pack in self.gaz.packs.values():
            for entry in pack.offices.offices:
                if entry.office == office and entry.jurisdiction:
                    return entry.jurisdiction
        return None

    def _article_country(self, doc: Doc) -> list[str]:
        """Loaded countries, the article's likeliest first (by its parties, then load order)."""
        countries = Counter()
        for sp in self.party_spans:
            countries[(self.span_data[id(sp)] or {}).get("country")] += 2
        countries.update(self.country_cues.counts(doc))
        order = {c: n for n, c in enumerate(self.gaz.countries)}
        return sorted(self.gaz.countries, key=lambda c: (-countries.get(c, 0), order[c]))

    def _race_readings(self, doc: Doc) -> list[tuple[int, str, str | None]]:
        """Every race the article names: (token index, office, jurisdiction or None)."""
        words = self.words
        ranked = self._article_country(doc)
        rank: dict[str, int] = {}  # country -> its place in ``ranked``
        for n, c in enumerate(ranked):
            rank.setdefault(c, n)
        out: list[tuple[int, str, str | None]] = []
        for sp in self.office_spans:  # "the race for Los Angeles mayor", "the next Mayor of X"
            if sp.label_ != "OFFICE":
                continue
            data = self.span_data[id(sp)] or {}
            if self.cues.race.occurs(words, max(0, sp.start - 5), sp.start) and data.get("office") \
                    and not data["office"].startswith(("shadow", "party")):
                out.append((sp.start, data["office"], data.get("jurisdiction")))
        i = 0
        race_nouns = self.cues.race_nouns
        firsts = race_nouns.first_words
        for pos in range(len(words)) if race_nouns.has_empty else [p for p, w in enumerate(words) if w in firsts]:
            if pos < i:
                continue  # inside the race noun before
            i = pos
            ph = race_nouns.starts_at(words, i)
            if ph is None:
                i += 1
                continue
            reading = self._race_at(doc, i, i + len(ph), rank)
            if reading:
                out.append((i, *reading))
            i += len(ph)
        seat = self._seat_office(ranked)
        triggers = self.seat_triggers
        for ti in [ti for ti, w in enumerate(words) if w in triggers] if seat is not None else ():
            w = words[ti]  # "has taken Glenbarra and Invermoy from the SNP", "contest Bethnal Green"
            e = self._place_run(ti + 1)
            if e == ti + 1 or any(k in self.mention_start for k in range(ti + 1, e)):
                continue
            nxt = words[e] if e < len(doc) else ""
            if w in CONTEST_VERBS and nxt in (",", ".", "for", "at", "in", "against") \
                    or w in self.cues.win and nxt == "from":
                out.append((ti, seat, self.tv.span_text(ti + 1, e)))
        return out

    def _seat_office(self, ranked: list[str]) -> str | None:
        for c in ranked:
            if c in self.cues.seat_office:
                return self.cues.seat_office[c]
        return None

    def _race_at(self, doc: Doc, s: int, e: int, rank: dict[str, int]) -> tuple[str, str | None] | None:
        """One race noun at doc[s:e] with its modifiers: 'Port Calder's mayoral primary',
        'the Senate seat in Ohio', 'the special election for the 12th Congressional District';
        ``rank``: each country's place in the article's likeliest-first order."""
        k = s
        while k > 0 and s - k < 7 and self._race_modifier(doc, k - 1):
            k -= 1
        words = self.words
        after, stop = None, e
        if e + 1 < len(doc) and words[e] in ("in", "for", "of", "to"):
            j = e + 2 if words[e + 1] == "the" else e + 1
            end = self._place_run(j)
            if end > j and not (end < len(doc) and end in self.office_start):
                after, stop = self.tv.span_text(j, end), end
        if stop == e and e < len(doc) and words[e] == "for":  # "the primary for U.S. Senate"
            stop = min(len(doc), e + 4)
        # every office word in doc[k:stop]; modifiers before the noun beat the noun, which beats the
        # place after it ("Senate seat": senator; "the election for the 12th Congressional District");
        # then the likelier country, the longer form, the earlier entry and position
        found = []
        for order, country, form, race in self.race_forms_empty if k <= stop else ():
            found.append(((0, rank.get(country, 99), 0), order, k, country, race, 0))
        by_first = self.race_forms_by_first
        for j in range(k, stop):
            for order, country, form, race in by_first.get(words[j], ()):
                n = len(form)
                if j + n <= stop and tuple(words[j:j + n]) == form:
                    found.append(((0 if j + n <= s else 1 if j < e else 2, rank.get(country, 99), -n), order, j,
                                  country, race, n))
        if not found:
            return None
        _key, _order, j, country, race, n = min(found, key=lambda f: f[:3])
        place = self._mod_place(doc, k, s, range(j, j + n))
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
        tv = self.tv
        text, lower, title = tv.texts[i], tv.words[i], tv.title
        if text in POSS or i in self.party_at or tv.lex[i].like_num or ORDINAL.match(text):
            return True
        if lower in RACE_MODIFIERS or lower in self.race_office_words:
            return True
        owned = i in self.mention_start and i + 2 < len(title) and tv.texts[i + 2] in POSS  # "Jane Roe's Senate bid"
        lex = tv.lex[i]
        return (title[i] or lex.is_upper and lex.is_alpha) and not lex.is_stop and not owned \
            or lower == "and" and i > 0 and title[i - 1] and i + 1 < len(title) and title[i + 1]

    def _mod_place(self, doc: Doc, k: int, s: int, office_rng: range) -> str | None:
        """The first capitalized run among a race's modifiers that is not a party or the office word."""
        tv = self.tv
        texts, title, lex = tv.texts, tv.title, tv.lex
        j = k
        while j < s:
            if (title[j] or lex[j].is_upper and lex[j].is_alpha or ORDINAL.match(texts[j])) and j not in self.party_at \
                    and j not in office_rng and texts[j] not in self.cues.race_not_places:
                end = j
                while end < s and end not in office_rng and end not in self.party_at and (
                        title[end] or lex[end].is_upper and lex[end].is_alpha or ORDINAL.match(texts[end])
                        or tv.words[end] == "and" and end + 1 < s and title[end + 1]):
                    end += 1
                if end > j:
                    return self.tv.span_text(j, end)
            j += 1
        return None

    def _place_run(self, i: int) -> int:
        """End of a place name starting at token i ('Glenbarra and Invermoy', '12th Congressional
        District', 'Ohio'), i when none; parties, known people and race words are not places."""
        texts, title, words = self.tv.texts, self.tv.title, self.words
        size = len(texts)
        end = i
        while end < size and end - i < 6 and end not in self.party_at and (
                (title[end] or ORDINAL.match(texts[end])) and texts[end] not in self.cues.race_not_places
                or end > i and words[end] in ("and", "of") and end + 1 < size and title[end + 1]
                and end + 1 not in self.party_at):
            end += 1
        return end

    def _header_candidates(self, owner: dict) -> None:
        """A digest paragraph opening with its race: '• WYOMING, secretary of state (GOP primary, Aug. 15).
        State Sen. Holt Brennan reported ... Former city treasurer Dana Kirby had ...': the people opening
        its later sentences (or a clause after 'but') seek that office there, of the primary's party; an
        'outgoing' or 'retiring' holder of it is not a candidate."""
        tv, words, texts = self.tv, self.words, self.tv.texts
        starts = [0] + [b + 1 for b in tv.line_breaks()]
        for n, a in enumerate(starts):
            race = self._race_header(a)
            if race is None:
                continue
            office, place, party, head_end = race
            z = starts[n + 1] if n + 1 < len(starts) else len(words)
            for m in sorted(mm for mm in owner if head_end <= mm[0] < z):
                p = owner[m]
                if p.role == "candidate" and p.office_sought or m[1] < z and (
                        m[1] in self.office_tok or m[1] in self.title_tok or words[m[1]] in ("city", "county", "state")):
                    continue  # "Former Cheyenne city treasurer Dana Kirby": a place, not a person
                s0 = tv.sent_bounds(m[0])[0]
                k = m[0]
                while k > s0 and (k - 1 in self.office_tok or k - 1 in self.title_tok or k - 1 in self.party_at
                                  or words[k - 1] in ("former", "state", "city", "county") or texts[k - 1].istitle()):
                    k -= 1
                if not (k == s0 or words[k - 1] == "but" and k - 2 >= s0 and texts[k - 2] == ","):
                    continue  # not a subject: "the endorsement of the state's senior senator, Ruth Ellery"
                if any(w in ("outgoing", "retiring") for w in words[k:m[0]]) or any(
                        o["office"] == office for o in p.offices):
                    continue  # "Outgoing Mayor Frank Delisle ... is staying neutral"
                p.role, p.evidence = "candidate", p.evidence or "race header"
                p.office_sought, p.jurisdiction = office, place
                p.offices = []
                if party and not p.party:
                    self._set_party(p, party, "people.party_primary")

    def _race_header(self, a: int) -> tuple[str, str | None, str | None, int] | None:
        """'• WYOMING, secretary of state (GOP primary, Aug. 15).' at token ``a``: (office, place, party, end)."""
        words, texts, lex = self.words, self.tv.texts, self.tv.lex
        n = len(words)
        while a < n and (lex[a].is_space or texts[a] in ("•", "*", "-", "–", "—")):
            a += 1
        k = a
        while k < n and k - a < 4 and texts[k].isupper() and texts[k].isalpha() and len(texts[k]) > 1:
            k += 1
        if k == a or k >= n or texts[k] != ",":
            return None
        caps = self.tv.span_text(a, k)
        sp = next((self.office_start[j] for j in range(k + 1, min(n, k + 6)) if j in self.office_start), None)
        if sp is None or sp.label_ != "OFFICE":
            return None
        j = sp.end
        while j < n and j - sp.end < 4 and texts[j] != "(":
            j += 1
        if j >= n or texts[j] != "(":
            return None
        close = next((c for c in range(j + 1, min(n, j + 12)) if texts[c].endswith(")")), None)  # "8)" is one token
        if close is None or not any(words[c] in self.cues.election for c in range(j + 1, close)):
            return None
        party = next((self.party_at[c] for c in range(j + 1, close) if c in self.party_at), None)
        data = self.span_data[id(sp)] or {}
        if not data.get("office"):
            return None
        if sp.start > k + 1 and all(texts[c].istitle() for c in range(k + 1, sp.start)):
            place = self.tv.span_text(k + 1, sp.start)  # "CONNECTICUT, New Harlow mayor"
        else:
            place = caps.title()  # "WYOMING, secretary of state"
        return data["office"], place, party, close + 1
