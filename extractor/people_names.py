"""Name mentions and in-article clustering for ``electx_people``.

:class:`NameRules` finds capitalized name runs (after titles and offices, the model's PERSON
entities, before speech verbs, after parties, in appositions) and merges name forms by
surname; it works on the per-document state :class:`~extractor.components.people.PeopleTagger`
sets up (``doc``, ``tv``, ``words``, ``name_ok``, ``party_at``, ``office_*``, ``place_*``,
``places``, ``ents``, ``not_person_ent``, ``org_ent``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .people_cues import INITIAL, NAME_TOK, PLACE_PREPS, POSS, SHARE, TALLY

_PERCENT_FIGURE = re.compile(r"^\d{1,2}(?:\.\d+)?%?$")


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


class NameRules:
    """Mentions (token ranges with the rule that found them) and their clustering into people."""

    def _is_name_tok(self, i: int) -> bool:
        return self.name_ok[i]

    def _name_text(self, text: str) -> bool:
        """Whether a token's text can be part of a name, wherever it stands (cached per text)."""
        ok = self.name_texts.get(text)
        if ok is None:
            ok = self.name_texts[text] = text[:1].isupper() and text not in self.cues.not_name \
                and text not in self.title_forms and bool(NAME_TOK.match(text) or INITIAL.match(text))
        return ok

    def _run(self, i: int, max_len: int = 4) -> int:
        """End of a capitalized name run starting at token i (i when none); hyphens join parts."""
        name_ok, texts, ws = self.name_ok, self.tv.texts, self.tv.ws
        k = i
        n = 0
        size = len(texts)
        while k < size and n < max_len and name_ok[k]:
            k += 1
            n += 1
            if k + 1 < size and texts[k] == "-" and not ws[k - 1] and not ws[k] \
                    and name_ok[k + 1]:
                k += 1
        if k > i and INITIAL.match(texts[k - 1]):  # a trailing initial is not a surname
            k -= 1
        return k

    def _mentions(self, doc: Doc) -> list[tuple[int, int, str]]:
        found: dict[tuple[int, int], str] = {}
        # capitalized runs after "in", "at", "contest" are places wherever they recur
        person_tok = {i for start, end, label in self.ents if label == "PERSON" for i in range(start, end)}
        tv, words, name_ok = self.tv, self.words, self.name_ok
        texts = tv.texts
        size = len(words)
        for ti in [ti for ti, w in enumerate(words) if w in PLACE_PREPS]:
            w = words[ti]
            if ti + 1 < size and name_ok[ti + 1]:
                e = self._run(ti + 1)
                if e > ti + 1 and not (w == "in" and e - ti - 1 >= 2 and all(i in person_tok for i in range(ti + 1, e))):
                    self.places.add(self.tv.span_text(ti + 1, e))  # "trust in Jane Roe" (a PERSON entity) stays a name

        def add(s: int, e: int, rule: str, min_len: int = 1) -> None:
            if rule in ("people.ner", "people.name_rule") and self.tv.span_text(s, e) in self.places:
                return
            if rule == "people.ner" and s > 0 and e < size and words[s - 1].isalpha() and texts[s - 1].islower() \
                    and self.cues.race_nouns.starts_at(words, e) is not None:
                return  # "the inner Perth seat", "the Kelby constituency": a place naming a race
            if e - s >= min_len and not any(s < fe and fs < e for fs, fe in found):
                found[(s, e)] = rule

        # 1. after titles and offices ("Rep. Karen Bass", "shadow chancellor Oliver Letwin", "..., George Osborne")
        for end, sp in sorted(self.office_end.items()):
            k = end
            while k in self.office_start and self.office_start[k].label_ == "TITLE":
                k = self.office_start[k].end
            place = self.place_of[id(sp)]
            if sp.label_ == "OFFICE" and place and place.start > sp.end and k < place.start \
                    and place.stop < size and texts[place.stop] == ",":
                k = place.stop  # "The returning officer for Kelby, Jane Roe, said"
            if k < size and texts[k] == "," and sp.label_ == "OFFICE":
                e = self._run(k + 1, 3)
                if e - (k + 1) >= 2 and (e >= size or texts[e] in (",", ".", "said", "says")):
                    add(k + 1, e, "people.office_apposition")
                continue
            e = self._run(k)
            if e > k:
                add(k, e, "people.title" if sp.label_ == "TITLE" else "people.office_name")
        # 2. the statistical model's PERSON entities
        for ent_start, ent_end, label in self.ents:
            if label != "PERSON":
                continue
            s, e = ent_start, ent_end
            while s < e and (s in self.office_tok or texts[s] in self.title_forms or s in self.party_at
                             or (e - s >= 3 and words[s] in self.cues.apposition_nouns)):
                s += 1  # "Rep.", "Labour", "Businessman" before "Jane Roe"
            while e > s and (texts[e - 1] in ("'s", "’s", "'", "’") or (e - 1) in self.party_at):
                e -= 1
            if e - s == 1 and e == ent_end and e < size and name_ok[e] and tv.title[e] and doc[e].ent_iob_ == "O" \
                    and not tv.sent_start[e]:
                e += 1  # "Kate" + "Orme": the model stopped after the first name
            if e == ent_end and e < size and doc[e].ent_type_ == "ORG" and doc[e].ent_iob_ == "B" \
                    and (e + 1 >= size or doc[e + 1].ent_iob_ != "I") and name_ok[e]:
                e += 1  # "Marc-André" + "Vézina" (ORG): the model split one name
            if e > s and all(name_ok[i] or texts[i] == "-" for i in range(s, e)):
                add(s, e, "people.ner")
        # 3. rules: names before speech verbs and cue verbs, after parties, in appositions, and
        #    two-word names whose surname recurs alone
        cue_starts = self.cue_starts
        title, sent_start = tv.title, tv.sent_start
        alone: dict[str, int] = {}
        for ti in [ti for ti, t in enumerate(title) if t]:
            if not (ti > 0 and title[ti - 1] and not sent_start[ti - 1]):
                alone[texts[ti]] = alone.get(texts[ti], 0) + 1
        i = 0
        for pos in [pos for pos, ok in enumerate(name_ok) if ok]:  # a name run can start only there
            if pos < i:
                continue
            i = pos
            e = self._run(i, 3)
            if e - i >= 3 and words[i] in self.cues.apposition_nouns:
                i += 1  # "Businessman Curtis Dunagan was third": an occupation, then the name
            if any(k in self.not_person_ent for k in range(i, e)) and not self._misread_org(i, e):
                i = max(e, i + 1)
                continue
            if e - i >= 2 or (e - i == 1 and i > 0 and (i - 1) in self.party_at and not sent_start[i]):
                nxt = words[e] if e < size else ""
                nxt2 = words[e + 1] if e + 1 < size else ""
                prev_party = i > 0 and ((i - 1) in self.party_at or texts[i - 1] in POSS and (i - 2) in self.party_at)
                speech = nxt in self.cues.speech or nxt in cue_starts or nxt in POSS \
                    or (nxt in (",",) and (nxt2 in ("who", "the", "a", "an", "whose")
                                           or e + 1 in self.party_at or e + 1 in self.office_tok)) \
                    or (e - i >= 2 and alone.get(texts[e - 1], 0) >= 1 and not sent_start[i])
                said_before = i > 0 and words[i - 1] in ("said", "says", "told")
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
        texts, words = self.tv.texts, self.words
        if e - s >= 2 and all(k in self.one_word_ent for k in range(s, e)) and self._name_context(s, e):
            return True  # "candidate, Felicity Arden,": a name the model split into one-word places
        if e - s >= 2 and s >= 2 and self.tv.texts[s - 1] in POSS and (s - 2) in self.party_at and all(
                self.one_word_ent.get(k) not in (None, "GPE", "LOC", "NORP") or k not in self.not_person_ent
                for k in range(s, e)):
            return True  # "Labour's Ana Tuilagi" with "Tuilagi" read as a one-word ORG
        if e - s >= 2 and s >= 2 and self.tv.texts[s - 1] in POSS and (s - 2) in self.party_at \
                and self.ent_extent.get(s) == e and self.tv.span_text(s, e) not in self.places:
            return True  # "the Liberal National Party's Jane Roe" read as one GPE/ORG entity
        span = self.org_ent.get(s)
        if span is None or e - s < 2 or span[1] not in (e, e + 1) or (span[1] == e + 1 and texts[e] not in POSS):
            return False
        nxt = words[e] if e < len(words) else ""
        nxt2 = words[e + 1] if e + 1 < len(words) else ""
        return self._name_context(s, e) or nxt in self.cues.speech or (nxt in POSS and nxt2 in (
            "campaign", "bid", "candidacy", "supporters", "victory", "defeat", "lead", "share"))

    def _name_context(self, s: int, e: int) -> bool:
        """Context that makes a two-word capitalized run a person: 'Name (Labour)', 'Name, 52,',
        'Name of the Green Party', 'Name on 31%', 'has selected Name', 'candidate, Name'."""
        tv = self.tv
        texts, size = tv.texts, len(tv.texts)
        nxt = texts[e] if e < size else ""
        if nxt == "(" and (e + 1) in self.party_at:
            return True
        if nxt == "," and e + 2 < size and _age(texts[e + 1], tv.lex[e + 1].like_num) \
                and texts[e + 2] in (",", ".", "-", "–"):
            return True
        if nxt == "of" and ((e + 1) in self.party_at or e + 2 < size and tv.words[e + 1] == "the"
                            and (e + 2) in self.party_at):
            return True
        if self._share_after(e) is not None:
            return True
        k = s - 1 if s > 0 and self.tv.texts[s - 1] == "," else s
        return self.cues.name_intro.tail(self.words, k, max(0, k - 3)) is not None

    def _share_after(self, e: int) -> int | None:
        """Index of a vote share right after a name ('on 31 per cent', 'took 37%', 'was a distant
        third with 15.4%', 'Hale 44, Brandt 39'), else None."""
        words = self.words
        k = self._past_apposition(e)
        texts = self.tv.texts
        bare_poss = False
        if k + 1 < len(words) and words[k] in POSS:  # "Roe's share was 49.9%", "51% to Roe's 49%"
            k += 1
            share = 2 if words[k:k + 2] == ["vote", "share"] else int(words[k] == "share")
            bare_poss = not share
            j = e - 1
            while j > 0 and e - j < 5 and texts[j - 1][:1].isupper():
                j -= 1
            if bare_poss and j > 0 and words[j - 1] == "the":
                return None  # "to the Coalition's 48%": a group, not a person
            k += share
        while k < len(words) and k - e < 7 and words[k] in self.cues.share_links:
            k += 1
        if k < len(words) and TALLY.match(texts[k]) and self._vote_count(k):
            return k
        if k >= len(words) or not texts[k][:1].isdigit() or not self.tv.lex[k].like_num or not SHARE.match(texts[k]):
            return None
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if bare_poss:  # "Roe's 49%." ends there; "Roe's 55% approval rating" is not a vote share
            after = k + (1 if texts[k].endswith("%") else 3 if nxt == "per" else 2)
            closed = after >= len(words) or words[after] in (",", ".", ";", "and", ")")
            return k if nxt in ("%", "percent", "per") and closed else None
        if nxt in ("%", "percent", "per", "pc", "points", "point") or nxt.startswith("%"):
            return k
        if k == e and nxt in (",", ";", "to", "among", "and", "-", "–", "."):  # "Hale 44, Brandt 39"
            return k
        if k > e and nxt in (",", ";", "and", ".", ")") and self._count_sentence(k) \
                and not (nxt == "and" and k + 2 < len(words) and texts[k + 2][:1].isdigit()):  # not "on 19 and 20 May"
            return k  # "A poll put Sandhu on 30 and Jane Roe on 19"
        return None

    def _past_apposition(self, e: int, max_len: int = 8) -> int:
        """Where a share may follow a name: past a comma before 'at' or 'on' ('Jane Roe, at 16.9%,')
        or past an apposition opened by an article ('Jane Roe, a former parish clerk, on 137');
        else ``e``."""
        words, size = self.words, len(self.words)
        if e + 1 >= size or words[e] != ",":
            return e
        if words[e + 1] in ("at", "on"):  # not ", with 40% saying": a clause about the poll
            return e + 1
        if words[e + 1] not in ("a", "an", "the"):
            return e
        k = e + 2
        while k < size and k - e <= max_len and words[k] not in (",", ".", ";", "(") and not words[k][:1].isdigit():
            k += 1
        return k + 1 if k < size and words[k] == "," else e

    def _count_sentence(self, k: int) -> bool:
        """The sentence of token k reports a poll or a count (roles.json ``count_cues``)."""
        s0, s1 = self.tv.sent_bounds(k)
        cache = self.count_sents
        if s0 not in cache:
            cues = self.cues.count_cues
            cache[s0] = any(w in cues for w in self.words[s0:s1])
        return cache[s0]

    def _vote_count(self, k: int) -> bool:
        """A vote tally at token k: '1,184 votes', '902 (28.1 per cent)' or '63,518, or 9.1%'."""
        words, texts = self.words, self.tv.texts
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt == "votes":
            return True
        if nxt == "," and k + 4 < len(words) and words[k + 2] == "or" and _PERCENT_FIGURE.match(texts[k + 3]):
            return words[k + 4] in ("%", "per", "percent", "pc") or texts[k + 3].endswith("%")
        if nxt == "(" and k + 3 < len(words) and _PERCENT_FIGURE.match(texts[k + 2]):
            return words[k + 3] in ("%", "per", "percent", "pc") or texts[k + 2].endswith("%")
        return False

    # ------------------------------------------------------------------ clustering

    def _cluster(self, doc: Doc, mentions: list[tuple[int, int, str]]) -> list[Person]:
        people: dict[str, Person] = {}
        by_surname: dict[str, list[Person]] = {}
        singles: list[tuple[int, int, str]] = []
        for s, e, rule in mentions:
            text = self.tv.span_text(s, e)
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
            text = self.tv.span_text(s, e)
            owners = by_surname.get(text)
            if not owners and s > 0 and self.tv.texts[s - 1] in self.first_name_titles:
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
        texts, title, sent_start = self.tv.texts, self.tv.title, self.tv.sent_start
        for i in [i for i, text in enumerate(texts) if text in by_surname]:
            text = texts[i]
            if i in taken or not title[i] or i in self.party_at or i in self.office_tok:
                continue
            cands = by_surname.get(text)
            if not cands:
                continue
            e = i + 1
            while e + 1 < len(texts) and texts[e] == "-" and not self.tv.ws[e - 1] and title[e + 1]:
                e += 2
            if i > 0 and self._is_name_tok(i - 1) and (i - 1) not in taken and not sent_start[i - 1]:
                continue  # "Rick Jacobs" is not "Jacobs" of another person's name... a different full name
            text = self.tv.span_text(i, e)
            cands = by_surname.get(text)
            if cands:
                _nearest(cands, i).mentions.append((i, e))
                taken.update(range(i, e))
        for p in people.values():
            p.mentions.sort()
        kept = [p for p in people.values() if p.name not in self.places]
        return sorted(kept, key=lambda p: p.mentions[0])


def _nearest(people: list[Person], i: int) -> Person:
    """The person with this surname mentioned most recently before token i (else the first)."""
    best, best_pos = people[0], -1
    for p in people:
        prior = [s for s, _e in p.mentions if s <= i]
        if prior and max(prior) > best_pos:
            best, best_pos = p, max(prior)
    return best


def _age(text: str, like_num: bool) -> bool:
    """'52' in 'Jane Roe, 52,': a plausible age (``like_num``: the token's flag).

    >>> _age("52", True), _age("7", True), _age("fifty", True)
    (True, False, False)
    """
    return like_num and text.isdigit() and 18 <= int(text) <= 110
