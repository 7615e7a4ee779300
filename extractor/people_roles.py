"""Roles for ``electx_people``: candidate cues, offices held and parties, per mention group.

:class:`RoleRules` reads the per-document state that
:class:`~extractor.components.people.PeopleTagger` sets up (``tv``, ``words``, ``span_data``, ``party_at``,
``party_span_at``, ``office_*``, ``place_end``, ``mention_start``, ``title_tok``, ``race``).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from .people_cues import (AUX, CAPITAL, CLAUSE_BREAK, DASHES, GROUP_GLUE, NOT_PARTY_OWNERS, POSS, QUOTES, ROLE_MODIFIERS,
                          WIN_SKIP)
from .people_names import Person
from .people_tokens import Sent

ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
TIME_OPENERS = ("in", "on", "later", "by", "after", "then", "during", "from", "at", "before")
SUBORDINATORS = ("before", "after", "when", "until", "and", "but", "as", "once", "where")
BODY_FOLLOW = ("in", "on", "for", "at", "from", "since", "until", "and", "but", "as", "with", "by", "after", "before",
               "twice", "again", "when", "where", "which", "who", "that", "three", "four", "five", "six", "seven",
               "between", "during", "until", "through")


class RoleRules:
    """Candidate / official roles, offices and parties from the words around each mention."""

    def _candidate_cues(self, doc: Doc, sent: Sent, persons: list[Person], prev_end: int, gstart: int,
                        gend: int, next_start: int) -> None:
        c = self.cues
        words = self.words
        if self._led_party(gstart) is not None:
            return  # "D66, led by Jane Roe, won 31 seats": the party's result, not her bid
        after = []
        for ti in range(gend, min(next_start, gend + 14 + self._apposition_len(sent, gend), len(words))):
            w = words[ti]
            if w in CLAUSE_BREAK or (ti in self.party_at and ti > gend
                                      and self.party_span_at[ti].start == ti and
                                      words[ti - 1] not in ("for", "from", "the", "of", "against", "with",
                                                            "a", "an", "registered", "former", "ex")):
                break
            if w in c.speech and self._reports_other(ti):
                break
            if w == ":" and ti + 1 < len(words) and words[ti + 1] in QUOTES:
                break  # 'Jane Roe: "Our kids won tonight."': the quote is not about her
            after.append(w)
        before_lo = max(prev_end, gstart - 12)
        before = words[before_lo:gstart]
        evidence = None
        tagged = self._after_party_tag(gend)
        if self._share_after(tagged) is not None:
            evidence = "vote share"
        elif tagged > gend and tagged < len(words) and self.tv.lex[tagged].like_num and \
                (tagged + 1 >= len(words) or self.tv.lex[tagged + 1].is_space or words[tagged + 1] in ("votes", "\n")
                 or self._vote_count(tagged)):
            evidence = "result row"  # "Jane Roe (Green) 2,200", "Jane Roe (Lab) 1,092 (37.2%)"
        elif self._own_bid(sent, gstart, gend):
            evidence = "own bid"
        elif self._share_before(gstart):
            evidence = "vote share for"
        elif self._introduced(gstart):
            evidence = "nominated"
        elif self._beaten(sent, gstart, gend):
            evidence = "beaten"
        negated: list[tuple[int, int]] | None = None  # (start, end) of each negator's first occurrence
        for phrase, k in c.after.hits(after) if evidence is None else ():
            if phrase[0] in c.win and not self._win_ok(after, k + len(phrase)):
                continue
            if phrase[0] in c.win and self._term_win(after, k + len(phrase)) and \
                    self._commenting_office(gstart, c.term_offices):
                continue  # "Prime Minister Jane Roe has won a second term": the party's win
            if negated is None:
                negated = [(k2, k2 + len(neg)) for neg, k2 in c.negators.hits(after)]
            if any(end <= k for _s, end in negated):
                continue
            if after[k + len(phrase):k + len(phrase) + 1] and after[k + len(phrase)] in c.cancel:
                continue  # "would stand down"
            if k > 0 and after[k - 1] in ("his", "her", "their") and phrase[-1] == "bid" \
                    and not self._opens_sentence(sent, gstart):
                continue  # "He made X the centrepiece of his re-election bid": not X's bid
            evidence = " ".join(phrase)
            break
        if evidence is None:
            hypothetical = any(words[ti] in c.hypothetical for ti in range(sent.start, gstart))
            for phrase, k in c.before.hits(before) if not hypothetical else ():
                if before[k + len(phrase):k + len(phrase) + 1] == ["by"]:
                    continue  # "endorsed by ... Jane Roe": the name is the endorser
                evidence = " ".join(phrase)
                break
            group_party = None
            if evidence is None and any(w in c.nouns for w in before[-8:]) and \
                    any(w in DASHES for w in before[-3:]):
                j = next(j for j, w in enumerate(before) if w in c.nouns and j >= len(before) - 8)
                evidence = before[j]
                i = before_lo + j
                if i >= 2 and self.tv.texts[i - 1] in POSS:  # "Reform's candidate, ..."
                    i -= 1
                if (i - 1) in self.party_at:
                    group_party = self.party_at[i - 1]
            if group_party:
                for p in persons:
                    self._set_party(p, group_party, "people.party_group")
        if evidence is None:
            return
        if len(persons) == 1 and evidence in c.loose and self._commenting_office(gstart):
            return  # "Deputy Premier Jane Roe conceded the result": an office-holder speaking
        leadership = c.leadership.occurs(after)
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

    def _led_party(self, s: int) -> Span | None:
        """The party of '<party>, led by [former minister] <name>': its leader is the name."""
        if not self.led_by:
            return None
        words, texts = self.words, self.tv.texts
        k = self._skip_back(s, party=False, offices=True)
        while k > 0 and words[k - 1] in ROLE_MODIFIERS:
            k = self._skip_back(k - 1, party=False, offices=True)
        if k < 4 or words[k - 2:k] != ["led", "by"]:
            return None
        j = k - 4 if texts[k - 3] == "," else k - 3
        if j in self.party_at and self.party_span_at[j].end == j + 1:
            return self.party_span_at[j]
        return None

    def _apposition_len(self, sent: Sent, gend: int) -> int:
        """Length of ', a former Liberal who now sits as an independent,' right after a name (0 when
        none): a cue after the closing comma is still the person's."""
        words = self.words
        if gend >= len(words) or words[gend] != ",":
            return 0
        for ti in range(gend + 1, min(sent.end, gend + 22)):
            if words[ti] in (",", ";", ".", "said", "says"):
                return ti - gend if words[ti] == "," else 0
        return 0

    def _term_win(self, after: list[str], k: int) -> bool:
        """'won a second term': the first word after a win verb (past 'a', ordinals) is a term noun."""
        window = [w for w in after[k:k + 5] if w not in WIN_SKIP]
        return any(w in self.cues.term_nouns for w in window[:2])  # "a third straight term"

    def _commenting_office(self, s: int, listed: set[str] | None = None) -> bool:
        """An office right before the name (through titles) that roles.json lists as held by
        commentators, not contestants ('Deputy Premier', 'Minister for Housing'), or one of ``listed``."""
        listed = self.cues.commenting_offices if listed is None else listed
        k = s
        while k in self.office_end:
            sp = self.office_end[k]
            office = (self.span_data[id(sp)] or {}).get("office") or ""
            if sp.label_ == "OFFICE" and _office_in(office, listed):
                return True
            k = sp.start
        return False

    def _reports_other(self, i: int) -> bool:
        """A speech verb at i whose reported clause has another subject ('said the party had won',
        'told reporters Labour would stand'): later cue words are not the speaker's own bid."""
        words = self.words
        k = i + 1
        if k < len(words) and words[k] == "that":
            k += 1
        if k >= len(words):
            return False
        return words[k] in ("the", "a", "an", "its", "our", "this", "every") or k in self.party_at

    def _after_party_tag(self, e: int) -> int:
        """End of a party tag right after a name ('(Labour)', 'of the Green Party'), else e."""
        texts, words = self.tv.texts, self.words
        if e + 2 < len(texts) and texts[e] == "(" and (e + 1) in self.party_at:
            k = self.party_span_at[e + 1].end
            return k + 1 if k < len(texts) and texts[k] == ")" else e
        if e + 1 < len(texts) and words[e] == "of":
            k = e + 2 if words[e + 1] == "the" else e + 1
            if k in self.party_at:
                return self.party_span_at[k].end
        return e

    def _own_bid(self, sent: Sent, gstart: int, gend: int) -> bool:
        """'Rep. Jane Roe raised $4m ... in her bid for the nomination': the sentence's first person
        and a possessive pronoun's bid or candidacy later in the same clause."""
        if not self._opens_sentence(sent, gstart):
            return False
        words = self.words[gend:min(sent.end, gend + 30)]
        for j, w in enumerate(words[:-1]):
            if w in (";", ":") or w in CLAUSE_BREAK:
                return False
            if w in ("his", "her", "their") and (words[j + 1] in ("bid", "candidacy", "campaign", "re-election")
                                                 or words[j + 1:j + 3] == ["re", "-"]):
                rest = words[j + 2:j + 4]
                return words[j + 1] != "campaign" or rest[:1] == ["for"]
        return False

    def _opens_sentence(self, sent: Sent, gstart: int) -> bool:
        """The name opens the sentence, after datelines, titles, offices and parties
        ("MADISON - Rep. Jane Roe raised ..."): a later 'his'/'her' can be theirs."""
        tv = self.tv
        for i in range(sent.start, gstart):
            if not (tv.lex[i].is_space or tv.texts[i] in ("-", "–", "—", "(", ")", ",") or tv.lex[i].is_upper
                    or i in self.title_tok
                    or i in self.office_tok or i in self.party_at or tv.words[i] in ROLE_MODIFIERS
                    or tv.words[i] == "the" or tv.texts[i] in POSS):
                return False
        return True

    def _share_before(self, s: int) -> bool:
        """'... 11,203 for Labour's Priya Sandhu', 'against 39 per cent for Mr Brandt', '41.6%, for
        Savannah City Council member Jane Roe' (offices and their places are skipped too)."""
        k = self._skip_back(s, offices=True)
        if k < 2 or self.words[k - 1] != "for":
            return False
        prev = k - 2
        if self.tv.texts[prev] == "," and k >= 3:  # "286,814, or 41.6%, for ..."
            prev = k - 3
        return self.tv.lex[prev].like_num or self.words[prev] in ("%", "cent", "percent", "votes", "points")

    def _introduced(self, s: int) -> bool:
        """A candidate noun or a party's nominating verb right before the name: 'Conservative
        candidate Jane Roe', 'Labour has selected Jane Roe', 'the Greens are standing Jane Roe'."""
        k = self._skip_back(s, party=False)
        if k > 0 and self.words[k - 1] in self.cues.nouns:
            return True
        if self._noun_apposition(k):
            return True
        return self.cues.nominate.tail(self.words, k, max(0, k - 3)) is not None and self._party_subject(k) is not None

    def _noun_apposition(self, k: int) -> bool:
        """'The third candidate, retired police sergeant Jane Roe': a name in apposition to 'the/a
        [ordinal or party] candidate', after at most four lowercase describing words."""
        words, texts = self.words, self.tv.texts
        j = k
        while j > 0 and k - j < 4 and texts[j - 1].isalpha() and texts[j - 1].islower() \
                and words[j - 1] not in self.cues.speech and words[j - 1] not in AUX and words[j - 1] not in CLAUSE_BREAK:
            j -= 1
        if j < 3 or texts[j - 1] != "," or words[j - 2] not in self.cues.nouns or words[j - 2].endswith("s"):
            return False
        d = j - 3
        while d > 0 and j - 2 - d < 3 and (d in self.party_at or texts[d][:1].islower() and words[d] not in ("the", "a")):
            d -= 1  # "the Labour candidate", "the third candidate"
        return words[d] in ("the", "a")

    def _beaten(self, sent: Sent, gstart: int, gend: int) -> bool:
        """A party-tagged name after 'ahead of', 'from' or 'led' in a result sentence: 'won the seat
        ahead of Labour's Jane Roe', 'led the sitting Liberal member, Jane Roe, by 612 votes'."""
        texts, words = self.tv.texts, self.words
        k, tagged = gstart, False
        while k > sent.start and gstart - k < 8:
            if (k - 1) in self.party_at:
                tagged = True
            elif not (texts[k - 1] in POSS or texts[k - 1] == "," or (k - 1) in self.office_tok
                      or words[k - 1] == "the" or words[k - 1] in ROLE_MODIFIERS
                      or words[k - 1] in self.cues.apposition_nouns):
                break
            k -= 1
        if not tagged or any(words[i] in self.cues.hypothetical for i in range(sent.start, k)):
            return False
        link = self.cues.loser_links.tail(words, k, max(sent.start, k - 2))
        if link is None:
            return False
        if link[0] in self.cues.win or any(words[i] in self.cues.win for i in range(sent.start, k - len(link))):
            return True
        stop = min(sent.end, gend + 5)
        return any(words[i] == "by" and i + 1 < stop and self.tv.lex[i + 1].like_num for i in range(gend, stop))

    def _skip_back(self, s: int, party: bool = True, offices: bool = False) -> int:
        """Start of the titles, party words and possessives right before token s (with
        ``offices``, also office words and their places: 'for City Council member Jane Roe')."""
        texts, words = self.tv.texts, self.words
        k = s
        while k > 0 and (texts[k - 1] in self.title_forms or texts[k - 1] in POSS
                         or party and ((k - 1) in self.party_at or words[k - 1] == "the")
                         or (k - 1) in self.office_start and self.office_start[k - 1].label_ == "TITLE"
                         or offices and ((k - 1) in self.office_tok or (k - 1) in self.place_tok)):
            k -= 1
        return k

    def _party_subject(self, k: int) -> str | None:
        """The party right before a nominating verb ending at token k ('Labour has selected')."""
        for ph in self.cues.nominate.ending_at(self.words, k):
            j = k - len(ph)
            if j > 0 and (j - 1) in self.party_at:
                return self.party_at[j - 1]
        return None

    def _win_ok(self, after: list[str], k: int) -> bool:
        """'won'/'lost' count when an election word (or nothing: 'Heath lost and ...') follows."""
        window = [w for w in after[k:k + 7] if w not in WIN_SKIP][:4]
        if not window:
            return True
        if window[0][:1].isdigit() and window[1:2] and (window[1] in ("per", "percent", "%", "votes")
                                                       or window[1].startswith("%")):
            return True  # "won 14.1 per cent"
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
        texts = self.tv.texts
        k = s
        if k > 0 and texts[k - 1] == ",":
            k -= 1
            if k in self.place_end:
                k = self.place_end[k].end
            if k in self.office_end and self.office_end[k].start > 0 and \
                    self.words[self.office_end[k].start - 1] in ("their", "our", "your", "a", "an", "every", "any"):
                k = s  # "voters choose their mayor, Jane Roe's group says": not a definite post-holder
        comma_used = False
        while k in self.office_end:
            sp = self.office_end[k]
            self._add_office(p, self.span_data[id(sp)] or {}, sp)
            k = sp.start
            if k in self.party_at:
                break
            if not comma_used and k > 1 and texts[k - 1] == "," and (k - 1) in self.office_end \
                    and self.office_end[k - 1].label_ == "OFFICE" and self._opens_with_the(self.office_end[k - 1]):
                k -= 1  # "The council leader, Cllr Jane Roe"
                comma_used = True
        led = self._led_party(s)
        if led is not None:
            self._add_office(p, {"office": "party leader", "jurisdiction": self.party_at[led.start], "status": "current",
                                 "rule": "people.led_by"}, led)
        if k == s and s > 2 and self.words[s - 1] in ("is", "was") and (s - 1) in self.office_end:
            sp = self.office_end[s - 1]  # "The acting returning officer is Jane Roe"
            if sp.label_ == "OFFICE" and self._opens_with_the(sp):
                self._add_office(p, self.span_data[id(sp)] or {}, sp)
        # after: "Eric Garcetti, the current Mayor", "Mr Blunkett resigned as Home Secretary",
        # "Jane Roe (Lab), council leader"
        if e + 2 < len(texts) and texts[e] == "(" and (e + 1) in self.party_at:
            close = self.party_span_at[e + 1].end
            if close < len(texts) and texts[close] == ")" and limit > e:
                e = close + 1
                limit = max(limit, e)
        words = self.words[e:max(e, min(limit, e + 12))]
        if not words:
            return
        mods = self.cues.office_modifiers
        apposition = words[0] == ","
        for j in range(len(words)):
            i = e + j
            if texts[i] in (".", ";") or (j > 0 and texts[i] == "," and not apposition):
                break
            if i in self.office_start and self.office_start[i].label_ == "OFFICE":
                sp = self.office_start[i]
                gap = words[:j]
                linked = apposition and all(w in (",", "the", "a", "an", "former", "current", "new", "now", "also",
                                                  "then", "'s", "’s", "'", "’", "ex", "-") or w in mods or (e + n) in self.party_at
                                            or (e + n) in self.office_tok for n, w in enumerate(gap))
                if not linked:
                    for ph, k2 in self.cues.office_links.hits(gap):
                        if all(w in ("the", "a", "an", "new", "now", "good", "current", "former", "u.s.", "us")
                                           or w in POSS or w in mods
                                           or (e + k2 + len(ph) + n) in self.party_at
                                           or CAPITAL.match(texts[e + k2 + len(ph) + n])
                                           for n, w in enumerate(gap[k2 + len(ph):])):
                            linked = True
                            break
                if linked:
                    data = self.span_data[id(sp)] or {}
                    status = "former" if not data.get("status") and any(
                        w in mods for w in gap) and ("former" in gap or "ex" in gap) else None
                    self._add_office(p, data, sp, status=status)  # "a former two-term mayor"
                    self._second_office(p, sp, limit)
                break
            if i in self.office_start and self.office_start[i].label_ == "TITLE":
                break

    def _opens_with_the(self, sp: Span) -> bool:
        """'The [acting] <office>' opening its sentence."""
        j = sp.start
        while j > 0 and (self.words[j - 1] in ("acting", "interim", "deputy", "new", "current", "outgoing", "retiring",
                                               "incumbent", "sitting") or (j - 1) in self.party_at):
            j -= 1  # "The outgoing Conservative mayor, Sir Jane Roe"
        return j > 0 and self.words[j - 1] == "the" and self.tv.sent_bounds(sp.start)[0] == j - 1

    def _second_office(self, p: Person, first: Span, limit: int) -> None:
        """'the former Labor MP and housing minister', 'a TD for 16 years and a former Minister of
        State': a second office joined by 'and' to one just linked to the person; with nothing
        between 'and' and it, it shares the first office's status."""
        words, texts = self.words, self.tv.texts
        end = min(len(words), max(limit, first.end + 10), first.end + 10)
        k = first.end
        while k < end and words[k] != "and":
            if texts[k] in (",", ".", ";", "(", ")") or words[k] in CLAUSE_BREAK or k in self.mention_start:
                return
            k += 1
        if k >= end:
            return
        j = k + 1
        while j < end and (words[j] in ("a", "an", "the", "former", "current", "then", "ex", "-") or j in self.party_at):
            j += 1
        sp = self.office_start.get(j)
        if sp is None or sp.label_ != "OFFICE":
            return
        data = self.span_data[id(sp)] or {}
        status = p.offices[-1]["status"] if j == k + 1 and p.offices else None
        self._add_office(p, data, sp, status=status)

    def _lede_offices(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """'Gordon Brown has issued ... The chancellor said ...': a sentence-initial 'The <office>'
        with no name is the first person named in the sentence before."""
        sents, sent_of = self.tv.sents, self.tv.sent_of
        firsts: dict[int, tuple] = {}
        for m, p in sorted(owner.items()):
            firsts.setdefault(sent_of[m[0]], (m, p))
        for si in range(1, len(sents)):
            st_start, st_end = sents[si]
            first = st_start
            while first < st_end and self.tv.lex[first].is_space:
                first += 1
            k = first
            while k < st_end and self.words[k] in ("the", "former", "ex", "-"):
                k += 1
            if k == first or k not in self.office_start or self.words[first] != "the":
                continue
            sp = self.office_start[k]
            if sp.label_ != "OFFICE" or (sp.end < len(doc) and self._is_name_tok(sp.end)):
                continue
            if sp.end + 1 < len(doc) and self.tv.texts[sp.end] == "," and (
                    self._is_name_tok(sp.end + 1) or any(i in self.mention_start for i in range(sp.end + 1, sp.end + 4))):
                continue  # "The returning officer, Jane Roe, said", "The council leader, Cllr Jane Roe,": its own name
            prev = firsts.get(si - 1)
            if prev is None or prev[0][0] - sents[si - 1][0] > 8:
                continue
            data = self.span_data[id(sp)] or {}
            if data.get("office") in self.cues.coreferent and any(
                    o["office"] != data["office"] and o["office"] in self.cues.coreferent for o in prev[1].offices):
                continue  # "The Taoiseach, Jane Roe, said ... The Tánaiste said": a second post-holder
            if data.get("office") and not data["office"].startswith(("shadow", "party")):
                self._add_office(prev[1], data, sp, rule="people.lede_coreference")

    def _verb_offices(self, people: list[Person], owner: dict) -> None:
        """'Gilsenan was appointed Minister of State in 1982', 'He was elected mayor in 2019', 'Smith, who
        was first elected to the Dáil in 1977': an office verb (roles.json ``office_verbs``) whose subject
        is a name right before it (or ', who' after one) or a sentence-opening he/she naming one person."""
        verbs = self.cues.office_verbs
        if not verbs:
            return
        words, first = self.words, verbs.first_words
        ends = {m[1]: p for m, p in owner.items()}
        for i, w in enumerate(words):
            if w not in first:
                continue
            ph = verbs.starts_at(words, i)
            if ph is None:
                continue
            s0, s1 = self.tv.sent_bounds(i)
            if any(x in self.cues.hypothetical for x in words[s0:i]):
                continue  # "if she were elected mayor"
            p = self._verb_subject(i, s0, ends, owner)
            if p is None:
                continue
            j = i + len(ph)
            inner = next((self.office_start[k] for k in range(i + 1, j) if k in self.office_start), None)
            if inner is not None:  # "was elected mayor": the offices component spans "elected mayor"
                if inner.label_ != "OFFICE" or inner.end <= j:
                    continue
                data, end = dict(self.span_data[id(inner)] or {}), inner.end
                data.pop("status", None)
            else:
                k = j
                while k < s1 and k - j < 3 and (words[k] in ("the", "a", "an", "its", "first")
                                                or words[k] in POSS or k in self.party_at):
                    k += 1
                sp = self.office_start.get(k)
                if sp is not None:
                    if sp.label_ != "OFFICE" or (sp.end < s1 and self._is_name_tok(sp.end)):
                        continue  # "was appointed Mayor Jane Roe's deputy"
                    data, end = dict(self.span_data[id(sp)] or {}), sp.end
                else:
                    found = self._body_after(j, s1, ph, p) or self._party_post(k, s1, p)
                    if found is None:
                        continue
                    data, end = found
            status = data.get("status") if data.get("status") in ("former", "elect", "nominated") else \
                self._verb_status(self.cues.office_verb_status[ph], end, s1)
            self._add_office(p, data, self.doc[i:end], status=status, rule="people.office_verb")
            if p.party is None and data.get("office") in ("party leader", "deputy leader") and data.get("jurisdiction"):
                self._set_party(p, data["jurisdiction"], "people.party_leader")  # "was elected leader of the Greens"

    def _body_after(self, j: int, s1: int, verb: tuple[str, ...], p: Person) -> tuple[dict, int] | None:
        """'to Ballinvar County Council', 'the 4th Ward', 'to the Dáil' after an office verb: (office data, end)."""
        words, texts = self.words, self.tv.texts
        k = j + (j < s1 and words[j] == "to")
        k += k < s1 and words[k] == "the"
        name = k
        while k < s1 and k - name <= 4:
            form = self.cues.office_bodies.starts_at(words, k)
            if form:
                end = k + len(form)
                if end < s1 and (words[end] in POSS or words[end][:1].isalpha() and words[end] not in BODY_FOLLOW):
                    return None  # "chaired the council's finance committee", "elected council leader"
                entry = next((e for e in self.cues.body_office[form] if not e[0] or verb in e[0]), None)
                if entry is None:
                    return None
                place = entry[2]
                if place is None and k > name and all(texts[n][:1].isupper() for n in range(name, end)):
                    place = self.tv.span_text(name, end)  # "Ballinvar County Council"
                elif place is None:  # "He chaired the council": the council he was elected to
                    tail = " " + " ".join(form).lower()
                    place = next((o["jurisdiction"] for o in p.offices if o["jurisdiction"]
                                  and (" " + o["jurisdiction"].lower()).endswith(tail)), None)
                return {"office": entry[1], "jurisdiction": place}, end
            if not (texts[k][:1].isupper() or ORDINAL.match(texts[k])) or k in self.mention_start:
                return None
            k += 1
        return None

    def _verb_subject(self, i: int, s0: int, ends: dict, owner: dict) -> Person | None:
        """The holder named by the words before an office verb at ``i`` (see :meth:`_verb_offices`)."""
        words = self.words
        if i in ends:
            return ends[i]  # "Gilsenan was appointed"
        if i - 2 >= s0 and words[i - 1] == "who" and words[i - 2] == "," and (i - 2) in ends:
            return ends[i - 2]  # "Smith, who was first elected"
        if i - 4 >= s0 and words[i - 1] == "," and words[i - 2].isdigit() and words[i - 3] == "," and (i - 3) in ends:
            return ends[i - 3]  # "Delgado, 47, has represented"
        k = s0
        while k < i and self.tv.lex[k].is_space:
            k += 1
        if words[i - 1] not in ("he", "she"):
            return None
        pron = words[i - 1]
        before = range(k, i - 1)
        opener = words[k] in TIME_OPENERS and i - 1 - k <= 6 and words[i - 2] != "and" and not any(
            n in self.mention_start or words[n] in ("he", "she", "who", "that") for n in before)
        clause = words[i - 2] in SUBORDINATORS and pron in words[k:i - 2] and not any(
            n in self.mention_start or words[n] in ("he", "she", "who", "that") and words[n] != pron for n in before)
        if k != i - 1 and not opener and not clause:
            return None  # "In March 1987 he was appointed", "he taught ... before he was elected",
            # not "Jane Roe said he was appointed"
        want = "f" if pron == "she" else "m"
        si = self.tv.sent_of[i]
        for back in range(1, 4):  # the subject of the nearest earlier sentence naming someone
            if si - back < 0:
                break
            lo, hi = self.tv.sents[si - back]
            named = sorted(m for m in owner if lo <= m[0] < hi)
            if not named:
                continue
            k = lo
            while k < hi and (self.tv.lex[k].is_space or k in self.title_tok):
                k += 1
            if named[0][0] != k:
                return None  # "Two years earlier he had lost to Jane Roe": not the subject
            p = owner[named[0]]
            g = self._gender(p)
            if g is None and any(owner[m] is not p and self._gender(owner[m]) in (None, want) for m in named):
                return None  # "Ann Cole met Tom Baker. He was elected": unknown genders, two fit
            return p if g in (None, want) else None
        return None

    def _gender(self, p: Person) -> str | None:
        """'f' / 'm' from a title before a mention (Ms, Mr) or a he/she soon after the first one."""
        words = self.words
        for s, _e in p.mentions:
            if s > 0 and words[s - 1].rstrip(".") in ("mr", "mrs", "ms", "miss"):
                return "m" if words[s - 1].startswith("mr") and words[s - 1] != "mrs" else "f"
        s, e = p.mentions[0]
        for k in range(e, min(len(words), e + 25)):
            if k in self.mention_start:
                return None
            if words[k] in ("he", "his", "him"):
                return "m"
            if words[k] in ("she", "her"):
                return "f"
        return None

    def _verb_status(self, rule: str, end: int, s1: int) -> str:
        """'current' / 'former' for an office verb: 'since' / 'currently' / 'still' after it -> current;
        for ``by_time``, 'until', 'from', 'between' or 'in <year>' -> former."""
        words = self.words[end:min(s1, end + 12)]
        for n, w in enumerate(words):
            if w in (",", ";", "and", "but", "who", "which", "when"):
                words = words[:n]  # "was elected mayor in 2019 and will serve until 2027"
                break
        if any(w in ("since", "currently", "still") for w in words):
            return "current"
        if rule != "by_time":
            return rule
        s0 = self.tv.sent_bounds(end - 1)[0]
        if any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in self.words[s0:end]):
            return "former"  # "In March 1987 he was appointed"
        for n, w in enumerate(words):
            if w in ("until", "between") or w in ("from", "in") and n + 1 < len(words) and \
                    len(words[n + 1]) == 4 and words[n + 1].isdigit():
                return "former"
        return "current"

    # -- parties ---------------------------------------------------------------------

    def _party_for(self, doc: Doc, p: Person, m: tuple[int, int], lo: int, hi: int) -> None:
        s, e = m
        nominator = self._party_subject(self._skip_back(s, party=False))
        if nominator:  # "Labour has selected Jane Roe"
            self._set_party(p, nominator, "people.party_nominates")
        # before: "Labour MP Oona King", "Labour's Elizabeth Blackman", "Tory defector Robert Jackson"
        texts, lower = self.tv.texts, self.words
        k = s
        intro = self.cues.naming.tail(lower, s, max(lo, s - 3))
        if intro:  # "The Democratic nominee, a two-term congresswoman named Jane Roe"
            for j in range(s - len(intro) - 1, max(lo, s - 12) - 1, -1):
                if texts[j] == ",":
                    k = j + 1
                    break
                if j in self.mention_start or texts[j] in (".", ";", "(", ")"):
                    break
        former = False
        steps = 0
        while k > lo and steps < 8:
            text, word = texts[k - 1], lower[k - 1]
            if word in ("the", "a", "an") and k < s and k - 1 > lo and (texts[k - 2] == "," or (k - 2) in self.party_at):
                k -= 1  # "Her Republican opponent, the former state treasurer Jane Roe"
                steps += 1
                continue
            if text == "," and k - 2 >= lo and (lower[k - 2] in self.cues.nouns or (k - 2) in self.office_tok
                                                or lower[k - 2] in self.cues.apposition_nouns
                                                or (k - 2) in self.party_at and self.party_span_at[k - 2].start > 0
                                                and lower[self.party_span_at[k - 2].start - 1] in ("a", "an")):
                # "Reform's candidate, Jane Roe", "Labour's housing minister, Jane Roe", "a Green, Jane Roe"
                # "Reform's candidate, Jane Roe", "Labour's housing minister, Jane Roe"
                k -= 1
                steps += 1
                continue
            if (k - 1) in self.party_at:
                sp = self.party_span_at[k - 1]
                name = self.party_at[k - 1]
                turned = sp.start >= 4 and lower[sp.start - 1] == "-" and lower[sp.start - 2] == "turned"
                if turned and (sp.start - 4) in self.party_at:
                    self._set_party(p, name, "people.party_turned")
                    self._former(p, self.party_at[sp.start - 4])
                elif former:
                    self._former(p, name)
                else:
                    self._set_party(p, name, "people.party_before")
                break
            if word in ("its", "their") or word == "party" and k < s and texts[k] in POSS:
                owner_party = self._recent_party(k - 1)  # "its deputy leader, Jane Roe", "the party's candidate"
                if owner_party and not former:
                    self._set_party(p, owner_party, "people.party_possessive")
                break
            if (k - 1) in self.office_tok or text in ("'s", "’s", "'", "’") or text in self.title_forms \
                    or word in self.cues.nouns or word in ROLE_MODIFIERS \
                    or word in self.cues.apposition_nouns:
                k -= 1
                steps += 1
                continue
            if word in self.cues.former_markers:
                former = True
                k -= 1
                steps += 1
                continue
            break
        # "(D-Calif.)"
        if e + 1 < len(doc) and texts[e] == "(" and (e + 1) in self.party_at:
            self._set_party(p, self.party_at[e + 1], "people.party_abbreviation")
        elif e + 1 < len(doc) and texts[e] == "," and (e + 1) in self.party_at \
                and self.span_data[id(self.party_span_at[e + 1])]["rule"] == "party.abbreviation":
            self._set_party(p, self.party_at[e + 1], "people.party_abbreviation")
        # after, within the clause: apposition, switches, "expelled from", "for Respect"
        words = self.words[e:max(e, min(hi, e + 40))]
        idx = range(e, e + len(words))
        party_at = self.party_at
        pending: str | None = None  # "a former Fine Gael councillor who ... now sits as an independent"
        party_before = p.party
        for j in [j for j in range(len(words)) if e + j in party_at]:  # only party tokens matter
            i = idx[j]
            if j > 0 and (i - 1) in party_at:
                continue
            name = self.party_at[i]
            sp = self.party_span_at[i]
            if sp.end < len(doc) and (sp.end in self.mention_start or texts[sp.end] in POSS
                                      and sp.end + 1 in self.mention_start):
                break  # "... for Labour's Jane Roe": the party is the next person's
            before = words[max(0, j - 6):j]
            after_tok = sp.end if sp.end < len(doc) else None  # the token after the party
            turned = sp.end + 3 < len(doc) and texts[sp.end] == "-" and lower[sp.end + 1] == "turned" \
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
            if any(k2 + len(ph) >= len(before) - 1 for ph, k2 in self.cues.former_party.hits(before)):
                self._former(p, name)
                continue
            after_lex = None if after_tok is None else self.tv.lex[after_tok]
            noun_use = after_lex is None or after_lex.is_punct or lower[after_tok] in ("and", "who", "but") \
                or (j == 2 and words[0] == "," and after_lex.is_lower and lower[after_tok].endswith("ing")
                    and after_tok not in self.office_tok)  # "Jane Roe, a Democrat seeking the seat"
            if before[-1:] in (["former"], ["ex"]) and j >= 2 and before[-2] in ("a", "an", "-"):
                if noun_use:  # "Jane Roe, a former Conservative who now sits as an independent"
                    self._former(p, name)
                elif pending is None:
                    pending = name  # "a former Labour councillor": former only if a later party replaces it
                continue
            if j <= 2 and words[0] == "of" and all(w in ("of", "the") for w in words[:j]):
                self._set_party(p, name, "people.party_of")  # "Jane Roe of the Green Party"
                break
            role_use = after_tok is not None and (lower[after_tok] in self.cues.nouns or after_tok in self.office_tok)
            if role_use and words[0] == "," and (before[-1:] in (["a"], ["an"], ["the"])
                                                  or before[-2:] in (["a", "former"], ["the", "former"])):
                self._set_party(p, name, "people.party_apposition")  # "Jane Roe, the Green candidate,"
                break
            if before[-1:] in (["a"], ["an"]) or before[-2:-1] in (["a"], ["an"]) and noun_use:
                if noun_use:
                    self._set_party(p, name, "people.party_apposition")
                    break
            if any(k2 + len(ph) == len(before) for ph, k2 in self.cues.party_links.hits(before)):
                if before[-1] != "for" or p.role == "candidate" or self.cues.after.occurs(words, 0, j):
                    self._set_party(p, name, "people.party_link")
                    break
        if pending is not None:
            if p.party is not None and p.party != pending and (p.party != party_before or p.party_rule == "people.party_before"):
                self._former(p, pending)  # "Independent Jane Roe, a former Liberal Party member"
            else:
                self._set_party(p, pending, "people.party_apposition")

    def _party_post(self, k: int, s1: int, p: Person) -> tuple[dict, int] | None:
        """'became party leader', 'took over as deputy leader', 'was elected leader of the party' after an
        office verb, with no party beside the post: the holder's own party, else the party last named
        (:meth:`_recent_party`); (office data, end) or None without a party."""
        words = self.words
        j = k + (words[k] == "party")
        j += j < s1 and words[j] == "deputy"
        if j >= s1 or words[j] != "leader":
            return None
        end = j + 1
        if end < s1 and words[end] == "of":
            if words[end + 1:end + 3] != ["the", "party"]:
                return None  # "leader of the opposition", "leader of the pack"
            end += 3
        elif end < s1 and (words[end] in POSS or self.tv.texts[end][:1].isupper()):
            return None  # "became leader Jane Roe's deputy"
        party = p.party or self._recent_party(k)
        if party is None:
            return None
        office = "deputy leader" if words[j - 1] == "deputy" else "party leader"
        return {"office": office, "jurisdiction": party}, end

    def _recent_party(self, k: int) -> str | None:
        """The party an 'its' / 'the party's' at token k stands for: the last party named in its
        sentence or the one before, with no other owning body ('council', 'government') in between."""
        si = self.tv.sent_of[k]
        lo = self.tv.sents[si - 1][0] if si > 0 else self.tv.sents[si][0]
        for i in range(k - 1, lo - 1, -1):
            if i in self.party_at:
                return self.party_at[i]
            if self.words[i] in NOT_PARTY_OWNERS:
                return None
        return None

    def _listed_candidates(self, doc: Doc, owner: dict) -> None:
        """Gapped lists after a candidate: 'The Tories are standing A, the Greens B, and Labour C'."""
        by_sent: dict[int, list[tuple[int, int]]] = {}
        for m in sorted(owner):
            by_sent.setdefault(self.tv.sent_bounds(m[0])[0], []).append(m)
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
                if j > 0 and self.words[j - 1] == "the":
                    j -= 1
                if j > 0 and self.tv.texts[j - 1] in (",", "and", ";") and p.party == self.party_at[m[0] - 1]:
                    p.role, p.evidence = "candidate", p.evidence or "listed with candidates"

    def _paragraph_candidates(self, doc: Doc, owner: dict) -> None:
        """'Six candidates are on the ballot. The Conservative candidate, A, is a GP. Labour's B is
        a teacher. C (Green) runs a shop.': in a paragraph that names candidates and already has one,
        people tagged with a party right at their name (and holding no office) are candidates too."""
        tv, words = self.tv, self.words
        listed = [(m, p) for m, p in sorted(owner.items()) if p.role is None and not p.offices
                  and p.party_rule in ("people.party_before", "people.party_abbreviation")]
        if not listed or not any(p.role == "candidate" for p in owner.values()):
            return
        breaks = tv.line_breaks()
        nouns = self.cues.nouns
        noun_paras = {bisect_right(breaks, i) for i, w in enumerate(words) if w in nouns}
        if not noun_paras:
            return
        with_candidate = {bisect_right(breaks, m[0]) for m, p in owner.items() if p.role == "candidate"}
        for m, p in listed:
            para = bisect_right(breaks, m[0])
            if p.role is None and para in noun_paras and para in with_candidate:
                p.role, p.evidence = "candidate", p.evidence or "listed with candidates"

    def _primary_parties(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """'... the Democratic nomination for Senate', 'won the Republican primary': candidates
        without a party in that sentence contest that party's primary."""
        words, tv = self.words, self.tv
        sent_party: dict[int, set[str]] = {}
        for sp in self.party_spans:
            for gap in range(0, 3):
                k = sp.end + gap
                if self.cues.primary.starts_at(words, k) is not None and \
                        all(tv.lex[i].is_alpha and i not in self.party_at for i in range(sp.end, k)):
                    sent_party.setdefault(tv.sent_bounds(sp.start)[0], set()).add((self.span_data[id(sp)] or {}).get("name"))
                    break
        for p in people:
            if p.role != "candidate" or p.party:
                continue
            for s, _e in p.mentions:
                found = sent_party.get(tv.sent_bounds(s)[0], set())
                if len(found) == 1:
                    self._set_party(p, next(iter(found)), "people.party_primary")
                    break
        self._primary_results(people, owner)
        # "Hale's main rival in the primary, Tom Brandt": primary rivals share the party
        for m, p in sorted(owner.items()):
            if p.role != "candidate" or p.party:
                continue
            sent_start, sent_end = tv.sent_bounds(m[0])
            if not self.cues.primary.occurs(words, sent_start, sent_end):
                continue
            for k in range(max(sent_start, m[0] - 12), m[0]):
                if words[k] in ("rival", "opponent", "challenger") and k >= 2 and tv.texts[k - 1] in POSS or \
                        words[k] in ("rival", "opponent", "challenger") and k >= 3 and tv.texts[k - 2] in POSS:
                    poss = k - 1 if tv.texts[k - 1] in POSS else k - 2
                    other = next((q for mm, q in owner.items() if mm[1] == poss and q is not p), None)
                    if other and other.role == "candidate" and other.party:
                        self._set_party(p, other.party, "people.party_primary_rival")
                        break

    def _primary_results(self, people: list[Person], owner: dict) -> None:
        """'In the Democratic primary, Jane Roe won ... She had 58%, to 41% for Tom Brandt': a
        candidate known only from a vote share shares the party of the primary contestants in the
        same paragraph (when they are all of one party)."""
        open_ = [p for p in people if p.role == "candidate" and not p.party
                 and p.evidence in ("vote share", "vote share for", "result row")]
        if not open_:
            return
        tv = self.tv
        breaks = tv.line_breaks()
        para_parties: dict[int, set[str]] = {}
        for m, p in owner.items():
            if p.role == "candidate" and p.party and p.party_rule in ("people.party_primary", "people.party_primary_rival"):
                para_parties.setdefault(bisect_right(breaks, m[0]), set()).add(p.party)
        for p in open_:
            for s, _e in p.mentions:
                found = para_parties.get(bisect_right(breaks, s), set())
                if len(found) == 1:
                    self._set_party(p, next(iter(found)), "people.party_primary_results")
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

    # -- role-only mentions ----------------------------------------------------------

    def _role_coreference(self, doc: Doc, people: list[Person], owner: dict) -> None:
        """'Tony Blair is planning ... The latest reports say the prime minister favours ...': a
        role-only mention of a single-holder office (roles.json ``coreferent_offices``) is the
        person named most recently before it (earlier sentences, or a possessive in the same one:
        "Gordon Brown's Budget ... the chancellor's figures"), unless someone already holds it."""
        sent_of = self.tv.sent_of
        mentions = sorted(owner.items())
        for sp in self.office_spans:
            data = self.span_data[id(sp)] or {}
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
                if sent_of[s] == si and not (use == "possessive" and e < len(doc) and self.tv.texts[e] in POSS):
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
        if nxt.text in POSS:
            return "possessive"
        if nxt.lower_ in self.cues.speech or nxt.lower_ in AUX:
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
        words, texts = self.words, self.tv.texts
        k = sp.start
        while k > 0 and words[k - 1] in ROLE_MODIFIERS:
            k -= 1
        if k == 0 or words[k - 1] != "the" or (k - 2) in self.party_at:
            return False
        if k >= 3 and words[k - 2] == "of" and self.tv.title[k - 3]:
            return False  # "the Office of the Deputy Prime Minister": an institution's name
        if sp.end < len(doc) and (self._is_name_tok(sp.end) or texts[sp.end] == "," and sp.end + 1 < len(doc)
                                  and self._is_name_tok(sp.end + 1)):
            return False
        return True

    def _groups(self, doc: Doc, ms: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """Coordinated mentions ("Rick Caruso and Congresswoman Karen Bass") share a cue."""
        groups: list[list[tuple[int, int]]] = []
        for m in ms:
            if groups:
                lo, hi = groups[-1][-1][1], m[0]
                words, lex = self.words, self.tv.lex
                if 0 < hi - lo <= 4 and words[lo] in GROUP_GLUE and "and" in words[lo:hi] and all(
                        words[i] in GROUP_GLUE or lex[i].is_lower or i in self.office_tok for i in range(lo, hi)):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        return groups


def _office_in(office: str, listed: set[str]) -> bool:
    """Whether an office is one of ``listed`` or a portfolio form of one.

    >>> _office_in("minister for housing", {"minister"}), _office_in("housing minister", {"minister"})
    (True, True)
    >>> _office_in("prime minister", {"minister"}), _office_in("mayor", {"minister"})
    (True, False)
    """
    return office in listed or any(office.startswith(x + " ") or office.endswith(" " + x) for x in listed)
