"""``electx_attach``: fill each figure's ``subject`` (a canonical person or party name), each
percentage's ``kind`` and each money amount's ``predicate`` from context.

Subjects come from ``doc.spans["electx_people"]`` / ``["electx_parties"]`` (canonical names),
falling back to ``doc.ents`` when those groups are missing.  With a dependency parse the
governing verb's subject is used ("Caruso received 42 per cent"); otherwise, and as a
fallback, surface patterns ("X lead Y by 39% to 34%", "the Lib Dems on 19%", "Labour's
£1.7m") and the nearest mention in the sentence.  Cue words live in models/shared/figure_kinds.json.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalize import figure_rules as rules
from ..spans import MONEY, PARTIES, PEOPLE, PERCENT, register_extensions, span_group
from ._figures import Sentences

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "rep", "sen",
           "rep.", "sen.", "mr.", "mrs.", "ms.", "dr.", "chancellor", "congresswoman", "congressman",
           "president", "mayor", "governor", "senator", "prime", "minister"}
_PARTY_HINT = re.compile(r"(?i)\b(?:party|labour|labor|tor(?:y|ies)|conservatives?|democrats?|democratic|"
                         r"republicans?|liberal|lib dems?|greens?|ukip|snp|plaid|gop)\b")
_SUBJ_PRONOUN = re.compile(r"\b(?:he|she)\b")
_LINK_BEFORE = re.compile(r"^(?:'s|’s|'|’)?\s{1,3}(?:(?:on|with|at|had|has|have|got|polled|taking|took)\s{1,3})?$")
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)\s{1,3}$")
_TO_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:to|for)\s{1,3}(?:the\s)?$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    type: str  # person | party | org


def _clean_name(text: str) -> str:
    t = re.sub(r"(?:'s|’s|'|’)$", "", text.strip())
    words = t.split()
    while len(words) > 1 and words[0].lower() in _TITLES | {"the"}:
        words = words[1:]
    return " ".join(words)


def mentions(doc: Doc) -> list[Mention]:
    """Candidate subjects in text order: people and parties (canonical), plus ORG/GPE entities."""
    out: list[Mention] = []
    have_people, have_parties = PEOPLE in doc.spans, PARTIES in doc.spans
    for span in span_group(doc, PEOPLE):
        data = span._.electx_people or {}
        if "role" in data and data.get("role") is None:
            continue
        out.append(Mention(span.start_char, span.end_char, data.get("name") or _clean_name(span.text), "person"))
    for span in span_group(doc, PARTIES):
        data = span._.electx_parties or {}
        out.append(Mention(span.start_char, span.end_char, data.get("name") or _clean_name(span.text), "party"))
    taken = [(m.start, m.end) for m in out]
    persons: list[Span] = []
    for ent in doc.ents:
        if any(not (ent.end_char <= a or ent.start_char >= b) for a, b in taken):
            continue
        if not have_people and ent.label_ == "PERSON":
            persons.append(ent)
        elif not have_parties and ent.label_ in ("NORP", "ORG") and _PARTY_HINT.search(ent.text):
            out.append(Mention(ent.start_char, ent.end_char, _clean_name(ent.text), "party"))
        elif ent.label_ in ("ORG", "GPE") and not _PARTY_HINT.search(ent.text):
            out.append(Mention(ent.start_char, ent.end_char, _clean_name(ent.text), "org"))
    full: dict[str, str] = {}
    for ent in persons:
        name = _clean_name(ent.text)
        last = name.split()[-1].lower() if name else ""
        if last and len(name) > len(full.get(last, "")):
            full[last] = name
    for ent in persons:
        name = _clean_name(ent.text)
        if name:
            out.append(Mention(ent.start_char, ent.end_char, full.get(name.split()[-1].lower(), name), "person"))
    return sorted(out, key=lambda m: (m.start, -m.end))


@lru_cache(maxsize=None)
def cue(kind: str) -> re.Pattern[str] | None:
    """The compiled cue regex of a percent kind or cue list ("vote_share", "poll_article", ...)."""
    k = rules.figure_kinds()
    cues = {
        "vote_share": k.vote_share_cues, "poll_sentence": k.poll_sentence_cues,
        "poll_article": k.poll_article_cues,
    }.get(kind)
    if cues is None:
        for rule in k.percent_kinds:
            if rule.kind == kind:
                cues = rule.cues
    if not cues:
        return None
    return re.compile(rf"(?i)\b(?:{rules.alternation(cues)})\b")


@lru_cache(maxsize=1)
def _money_cues() -> re.Pattern[str]:
    groups = []
    for i, rule in enumerate(rules.figure_kinds().money_predicates):
        groups.append(rf"(?P<p{i}>{rules.alternation(rule.cues)})")
    return re.compile(rf"(?i)\b(?:{'|'.join(groups)})\b")


def money_predicate(sentence: str, offset: int, start: int, end: int) -> str:
    """Predicate of the cue nearest to the amount (a longer cue wins a tie); 'other' when none."""
    best: tuple[int, int, str] | None = None
    preds = rules.figure_kinds().money_predicates
    for m in _money_cues().finditer(sentence):
        s, e = offset + m.start(), offset + m.end()
        if s >= start and e <= end:
            continue
        dist = start - e if e <= start else s - end
        if dist > rules.figure_kinds().money_cue_window:
            continue
        group = next(i for i in range(len(preds)) if m.group(f"p{i}") is not None)
        key = (dist, -len(m.group(0)), preds[group].predicate)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else "other"


def percent_kind(data: dict, sentence: str, rel_start: int, poll_article: bool) -> str:
    """The kind of a percentage from cue words in its sentence."""
    before = sentence[max(0, rel_start - 25):rel_start]
    for rule in rules.figure_kinds().percent_kinds:
        rx = cue(rule.kind)
        if rule.kind == "margin":
            if data.get("unit") == "percentage points" or data.get("kind") == "margin":
                return "margin"
            if rx and rx.search(before) and re.search(r"(?i)\b(?:of|by)\s{1,3}$", before):
                return "margin"
            continue
        hit = rx is not None and rx.search(sentence)
        if rule.kind == "threshold":
            q_hit = data.get("qualifier") in rule.qualifier_cues and cue("vote_share").search(sentence)
            if hit or q_hit:
                return "threshold"
            continue
        if hit:
            return rule.kind
    if data.get("unit") == "percentage points":
        return "other"
    if poll_article:
        return "poll"
    if cue("vote_share").search(sentence):
        return "vote_share"
    if cue("poll_sentence").search(sentence):
        return "poll"
    return "other"


class Attacher:
    """Fill subject/kind/predicate on the figure spans."""

    def __init__(self, name: str = "electx_attach") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        self._has_dep = doc.has_annotation("DEP")
        self._starts = [m.start for m in ms]
        sents = Sentences(doc)
        text = self._text = doc.text
        poll_rx = cue("poll_article")
        poll_article = bool(poll_rx and poll_rx.search(text))
        pspans = span_group(doc, PERCENT)
        for i, span in enumerate(pspans):
            data = dict(span._.electx_percent or {})
            a, b = sents.around(span.start_char)
            data["kind"] = percent_kind(data, text[a:b], span.start_char - a, poll_article)
            near = pspans[max(0, i - 1):i + 2]
            data["subject"] = self._percent_subject(doc, span, data, near, self._window(ms, sents, span), sents)
            span._.electx_percent = data
        for span in span_group(doc, MONEY):
            data = dict(span._.electx_money or {})
            a, b = sents.around(span.start_char)
            if data.get("equivalent_of") is None:
                data["predicate"] = money_predicate(text[a:b], a, span.start_char, span.end_char)
                if data.get("qualifier") in ("more_than", "at_least") and _threshold_money().search(text, a, b):
                    data["predicate"] = "threshold"
            data["subject"] = self._money_subject(doc, span, data, self._window(ms, sents, span), sents)
            span._.electx_money = data
        self._copy_to_conversions(doc)
        return doc

    def _window(self, ms: list[Mention], sents: Sentences, span: Span) -> list[Mention]:
        """Mentions from up to six sentences before the span to the end of its sentence."""
        idx = sents.index(span.start_char)
        lo = max(sents.bounds[max(0, idx - 6)][0], span.start_char - 4000)
        hi = sents.around(span.start_char)[1]
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_right(self._starts, hi)
        return ms[i:j]

    # --- percentages --------------------------------------------------------------------
    def _percent_subject(self, doc: Doc, span: Span, data: dict, pspans: list[Span], ms: list[Mention],
                         sents: Sentences) -> str | None:
        text = self._text
        a, b = sents.around(span.start_char)
        in_sent = [m for m in ms if m.start >= a and m.end <= b and m.type in ("person", "party")]
        if data.get("rule") == "percent.bare_coordination":
            own = [m for m in in_sent if m.start >= span.start_char and m.end <= span.end_char]
            if own:
                return own[0].name
            words = re.sub(r"\s(?:on|with|at)$", "", text[span.start_char:span.end_char].rsplit(" ", 1)[0])
            return _canonical(_clean_name(words), ms)
        pair = self._pair_subject(text, span, pspans, in_sent, a)
        if pair:
            return pair
        for m in reversed([m for m in in_sent if m.end <= span.start_char]):
            if _LINK_BEFORE.match(text[m.end:span.start_char]):
                return m.name
            break
        dep = self._dep_subject(doc, span, in_sent)
        if dep:
            return dep
        owner = _owner(text, in_sent, span.start_char)
        if owner and data.get("kind") not in ("poll", "vote_share"):
            return owner
        nxt = next((p.start_char for p in pspans if p.start_char > span.end_char and p.start_char < b), b)
        clause_end = min(nxt, _clause_end(text, span.end_char, b))
        after = [m for m in in_sent if m.start >= span.end_char and m.end <= clause_end]
        if data.get("kind") == "poll":
            if after:
                return after[0].name
            if _SUBJ_PRONOUN.search(text[span.end_char:clause_end]):
                prev = [m for m in ms if m.type == "person" and m.end <= span.start_char
                        and sents.index(m.start) >= sents.index(span.start_char) - 2]
                if prev:
                    return prev[-1].name
        before = [m for m in in_sent if m.end <= span.start_char]
        if before:
            return before[-1].name
        if data.get("kind") == "poll":
            if _SUBJ_PRONOUN.search(text[a:b]):
                prev = [m for m in ms if m.type == "person" and m.end <= a
                        and sents.index(m.start) >= sents.index(span.start_char) - 2]
                if prev:
                    return prev[-1].name
            return None
        return after[0].name if after else None

    @staticmethod
    def _pair_subject(text: str, span: Span, pspans: list[Span], in_sent: list[Mention], a: int) -> str | None:
        """ "X lead Y by 39% to 34%": the first figure is X's, the second Y's."""
        for p in pspans:
            if p is span or p.start_char == span.start_char:
                continue
            first, second = (p, span) if p.start_char < span.start_char else (span, p)
            gap = text[first.end_char:second.start_char]
            if not re.fullmatch(r"\s{0,2}(?:to|-|–)\s{0,2}", gap):
                continue
            if not re.search(r"(?i)\bby\s{1,3}$", text[max(a, first.start_char - 6):first.start_char]):
                continue
            cands = [m for m in in_sent if m.end <= first.start_char]
            if len(cands) >= 2:
                return cands[-2].name if span.start_char == first.start_char else cands[-1].name
        return None

    def _dep_subject(self, doc: Doc, span: Span, in_sent: list[Mention]) -> str | None:
        if not getattr(self, "_has_dep", False):
            return None
        num = next((t for t in span if t.like_num), span.root)
        tok = num
        for _ in range(5):
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        for _ in range(4):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            for child in subjects:
                if span.start <= child.i < span.end:
                    return None
                for t in [child, *[c for c in child.children if c.dep_ in ("poss", "compound")]]:
                    for m in in_sent:
                        if m.start <= t.idx < m.end:
                            return m.name
            if subjects or tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head is tok:
                return None
            tok = tok.head
        return None

    # --- money --------------------------------------------------------------------------
    def _money_subject(self, doc: Doc, span: Span, data: dict, ms: list[Mention], sents: Sentences) -> str | None:
        if data.get("equivalent_of") is not None:
            return None
        text = self._text
        a, b = sents.around(span.start_char)
        pred = data.get("predicate")
        if pred == "threshold":
            return None
        in_sent = [m for m in ms if m.start >= a and m.end <= b]
        allowed = ("party",) if pred == "donation" else ("person", "party", "org")
        before = [m for m in in_sent if m.end <= span.start_char and m.type in allowed]
        if before and _POSSESSIVE.match(text[before[-1].end:span.start_char]):
            return before[-1].name
        after = [m for m in in_sent if m.start >= span.end_char]
        if pred in ("donation", "fundraising"):
            for m in after:
                if m.type == "party" and _TO_AFTER.match(text[span.end_char:m.start]):
                    return m.name
        elif after and after[0].type == "org" and _AT_AFTER.match(text[span.end_char:after[0].start]):
            return after[0].name
        owner = _owner(text, in_sent, span.start_char)
        if owner and pred not in ("donation", "fundraising"):
            return owner
        policy = bool(_policy_regex().search(text[a:b]))
        found = self._dep_subject(doc, span, [m for m in in_sent if m.type in allowed])
        if found is None:
            people_parties = [m for m in before if m.type in ("person", "party")]
            if people_parties and not self._has_dep:  # no parse: the sentence's surface subject
                found = people_parties[0].name
            elif people_parties:
                found = people_parties[-1].name
        by_name = {m.name: m for m in ms}
        if found is not None and not (policy and by_name.get(found) and by_name[found].type == "person"):
            return found
        if found is not None:  # a person's policy figure belongs to their party
            party = _person_party(doc, found)
            if party:
                return party
        if pred in ("donation", "fundraising", "spending") or policy:
            if pred != "spending" or found is None:
                parties_after = [m for m in after if m.type == "party"]
                if parties_after and pred != "spending":
                    return parties_after[0].name
            idx = sents.index(span.start_char)
            reach = 6
            prev = [m for m in ms if m.type == "party" and m.end <= span.start_char and sents.index(m.start) >= idx - reach]
            if prev:
                return prev[-1].name
        return found

    @staticmethod
    def _copy_to_conversions(doc: Doc) -> None:
        """Conversions share their primary amount's subject and predicate."""
        last = None
        for span in span_group(doc, MONEY):
            data = span._.electx_money or {}
            if data.get("equivalent_of") is None:
                last = data
            elif last is not None:
                new = dict(data)
                new["subject"], new["predicate"] = last.get("subject"), last.get("predicate")
                span._.electx_money = new


_AT_AFTER = re.compile(r"^\s{1,3}(?:at|in|from|for)\s{1,3}(?:the\s{1,3})?$")


@lru_cache(maxsize=1)
def _policy_regex() -> re.Pattern[str]:
    cues = rules.figure_kinds().policy_cues or ["\x00"]
    return re.compile(rf"(?i)\b(?:{rules.alternation(cues)})\b")


_OWNED = re.compile(r"^(?:'s|’s|'|’)?\s{1,3}(?:record|plans?|polic(?:y|ies)|pledges?|manifesto|proposals?|promises?|"
                    r"programme|program|budget|government)\b")


def _owner(text: str, in_sent: list[Mention], before: int) -> str | None:
    """A party whose record/plans the sentence is about ("the Conservatives' record", "Tory plans")."""
    for m in in_sent:
        if m.type == "party" and m.end <= before and _OWNED.match(text[m.end:m.end + 30]):
            return m.name
    return None


@lru_cache(maxsize=1)
def _threshold_money() -> re.Pattern[str]:
    cues = rules.figure_kinds().money_threshold_cues or ["\x00"]
    return re.compile(rf"(?i)\b(?:{rules.alternation(cues)})\b")


def _person_party(doc: Doc, name: str) -> str | None:
    """The party of a person from the people records (``doc._.electx_people``), if any."""
    for rec in doc._.electx_people or []:
        if isinstance(rec, dict) and rec.get("name") == name and rec.get("party"):
            return rec["party"]
    return None


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r";|,\s(?:while|but|whereas)\b|\s(?:while|but|whereas|compared)\s").search(text, start, limit)
    return m.start() if m else limit


def _canonical(name: str, ms: list[Mention]) -> str | None:
    if not name:
        return None
    low = name.lower()
    for m in ms:
        if m.type in ("person", "party") and (m.name.lower() == low or m.name.lower().split()[-1] == low.split()[-1]):
            return m.name
    return name


@Language.factory("electx_attach", assigns=["doc.spans"], default_config={})
def make_attach(nlp: Language, name: str) -> Attacher:
    """Factory for the subject/kind/predicate attacher."""
    return Attacher(name)
