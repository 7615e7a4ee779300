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
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..fastscan import guarded, scan
from ..normalize import figure_rules as rules
from ..doctext import doc_cache
from ..facts import set_span_value, span_value
from ..spans import MONEY, PARTIES, PEOPLE, PERCENT, register_extensions, span_group
from ._figures import Sentences, doc_text

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "rep", "sen",
           "rep.", "sen.", "mr.", "mrs.", "ms.", "dr.", "chancellor", "congresswoman", "congressman",
           "president", "mayor", "governor", "senator", "prime", "minister"}
_PARTY_HINT = guarded(r"(?i)\b(?:party|labour|labor|tor(?:y|ies)|conservatives?|democrats?|democratic|"
                         r"republicans?|liberal|lib dems?|greens?|ukip|snp|plaid|gop)\b")
_SUBJ_PRONOUN = re.compile(r"\b(?:he|she)\b")
_LINK_BEFORE = re.compile(r"^(?:'s|’s|'|’)?\s{1,3}(?:(?:on|with|at|had|has|have|got|polled|taking|took)\s{1,3})?$"
                          r"|^(?:'s|’s|'|’)\s{1,3}(?:vote\s{1,3})?share\s{1,3}(?:of\s{1,3}the\s{1,3}vote\s{1,3})?"
                          r"(?:(?:was|of|at|to|on|below|above|under|over|"
                          r"stood\s{1,3}at|rose\s{1,3}to|fell\s{1,3}to)\s{1,3})?$")
_COUNT_BEFORE = re.compile(
    r"^(?:'s|’s|'|’)?\s{1,3}(?:(?:on|with|at|had|has|got|polled|took|won|received|secured)\s{1,3})?"
    r"(?:about\s{1,3}|some\s{1,3}|just\s{1,3})?\d{1,3}(?:,\d{3}){0,3}"
    r"(?:\s{1,3}(?:[a-z]{1,12}[\s-]){0,2}votes?)?\s{0,2}(?:\(|,\s{1,3}or\s{1,3}|,\s{1,3})$")
_LEADS = re.compile(r"(?i)^[^.;]{0,60}?\b(?:leads?|led|leading|ahead\s{1,3}of|over|beats?|beat)\s{1,3}"
                    r"(?:[\w'’-]{1,20}\s{1,3}){0,3}$")
_RANGE_HEAD = re.compile(r"(?i)(?:\bbetween\s{1,3})?(?<![\w.,])\d{1,3}(?:\.\d{1,2})?\s{0,2}(?:-|–|to|and)\s{0,2}$")
_FOR_AFTER = re.compile(r"^\s{1,3}(?:for|behind)\s{1,3}(?:the\s{1,3})?$")
_TRAIL = guarded(r"(?i)\b(?:trails?|trailed|trailing|behind|lags?|lagged|lagging)\b")
_BEAT = guarded(r"(?i)\b(?:beat|beats|beating|defeat(?:s|ed|ing)?|"
                   r"edg(?:e|es|ed|ing)\s{1,3}(?:out|past)|ousted|ousting)\b")
_PERSON_OF_PARTY = re.compile(r"^(?:,\s{1,3})?\s{0,3}(?:of|for)\s{1,3}(?:the\s{1,3})?$")
_PAREN_OPEN = re.compile(r"^\s{0,2}\($")
_PAREN_CLOSE = re.compile(r"^\),?")
_PARTY_POSS = re.compile(r"^(?:'s|’s|'|’)\s{1,3}$")
_SWING_PARTY = guarded(r"(?i)\b(?:to|against|from|towards)\s{1,3}the\s{1,3}party\b")
_WITHIN_OF = re.compile(r"(?i)\bwithin\s{1,3}(?:[a-z]{1,12}\s{1,3})?$")
_POINTS_OF = re.compile(r"^\s{1,3}of\s{1,3}(?:the\s{1,3})?$")
_THE_PARTY = re.compile(r"\b[Tt]he\s{1,3}party(?:'s|’s)?(?=\s)")
_PRONOUN_START = re.compile(r"(?i)^\W{0,3}(?:he|she|his|her)\b")
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)\s{1,3}$")
_BY_AFTER = re.compile(r"^\s{1,3}(?:(?:was|were|had\s{1,3}been|been)\s{1,3})?"
                       r"(?:spent|raised|donated|given|loaned|lent|paid)"
                       r"\s{1,3}by\s{1,3}(?:the\s{1,3})?$")
_PERSON_ANAPHOR = guarded(r"(?i)\b(?:his|her)\s{1,3}(?:campaign|committee|bid)\b")
_TO_RECIPIENT = re.compile(r"^\s{1,3}to\s{1,3}(?:the\s{1,3})?$")
_TO_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:to|for)\s{1,3}(?:the\s)?$")


class Mention(NamedTuple):
    """A candidate subject: a person, party or organisation named at [start, end)."""

    start: int
    end: int
    name: str
    type: str  # person | party | org
    role: str | None = None  # a person's role from the people records ("candidate", ...)


_TITLES_THE = _TITLES | {"the"}


def _clean_name(text: str) -> str:
    t = re.sub(r"(?:'s|’s|'|’)$", "", text.strip())
    words = t.split()
    while len(words) > 1 and words[0].lower() in _TITLES_THE:
        words = words[1:]
    return " ".join(words)


def mentions(doc: Doc) -> list[Mention]:
    """Candidate subjects in text order: people and parties (canonical), plus ORG/GPE entities.

    Found once per Doc (the attacher and the claims both ask): kept while the people and
    party span groups and the entities are the ones they were found from."""
    people, parties = doc.spans.get(PEOPLE), doc.spans.get(PARTIES)
    key = (people, len(people) if people is not None else -1, parties, len(parties) if parties is not None else -1,
           doc.to_array([ENT_IOB, ENT_TYPE]).tobytes())
    cache = doc_cache(doc)
    hit = cache.get("mentions")
    if hit is not None and all((a is b) if i in (0, 2) else (a == b) for i, (a, b) in enumerate(zip(hit[0], key))):
        return list(hit[1])
    out = _find_mentions(doc)
    cache["mentions"] = (key, out)
    return list(out)


def _find_mentions(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    text = doc_text(doc)
    have_people, have_parties = PEOPLE in doc.spans, PARTIES in doc.spans
    for span in span_group(doc, PEOPLE):
        data = span_value(doc, PEOPLE, span) or {}
        if "role" in data and data.get("role") is None:
            continue
        s, e = span.start_char, span.end_char
        out.append(Mention(s, e, data.get("name") or _clean_name(text[s:e]), "person", data.get("role")))
    for span in span_group(doc, PARTIES):
        data = span_value(doc, PARTIES, span) or {}
        s, e = span.start_char, span.end_char
        out.append(Mention(s, e, data.get("name") or _clean_name(text[s:e]), "party"))
    adj = _party_adjective()
    if adj is not None:
        n = len(text)
        out = [m for m in out if m.type != "party" or not adj.match(text, m.end, min(n, m.end + 40))
               or text[m.start:m.end].lower().endswith("party")]
    taken = _Taken([(m.start, m.end) for m in out])
    persons: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        if taken.overlaps(s, e):
            continue
        label = ent.label_
        if label not in ("PERSON", "NORP", "ORG", "GPE"):
            continue
        ent_text = text[s:e]
        if not have_people and label == "PERSON":
            persons.append((s, e, ent_text))
        elif not have_parties and label in ("NORP", "ORG") and _PARTY_HINT.search(ent_text):
            out.append(Mention(s, e, _clean_name(ent_text), "party"))
        elif label in ("ORG", "GPE") and not _PARTY_HINT.search(ent_text):
            out.append(Mention(s, e, _clean_name(ent_text), "org"))
    full: dict[str, str] = {}
    for _s, _e, ent_text in persons:
        name = _clean_name(ent_text)
        last = name.split()[-1].lower() if name else ""
        if last and len(name) > len(full.get(last, "")):
            full[last] = name
    for s, e, ent_text in persons:
        name = _clean_name(ent_text)
        if name:
            out.append(Mention(s, e, full.get(name.split()[-1].lower(), name), "person"))
    return sorted(out, key=lambda m: (m.start, -m.end))


class _Taken:
    """Possibly overlapping (start, end) intervals with an O(log n) "does [s, e) touch one" test."""

    def __init__(self, items: list[tuple[int, int]]) -> None:
        items = sorted(items)
        self.starts = [a for a, _ in items]
        self.max_end: list[int] = []
        best = -1
        for _a, b in items:
            best = max(best, b)
            self.max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some interval (a, b) has a < end and b > start."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start


@lru_cache(maxsize=1)
def _party_adjective() -> re.Pattern[str] | None:
    """ "Democratic primary voters", "Republican nomination": a party word used as an adjective."""
    nouns = rules.figure_kinds().party_adjective_nouns
    if not nouns:
        return None
    return re.compile(rf"(?i)\s{{1,3}}(?:[A-Za-z]{{2,12}}\s{{1,3}})?(?:{rules.alternation(nouns)})\b")


def prefer_person(text: str, m: Mention, in_sent: list[Mention]) -> Mention:
    """The candidate a party mention qualifies: "Amira Haddad of the Green Party", "the SNP's Morag Lindsay"."""
    if m.type != "party":
        return m
    for o in in_sent:
        if o.type != "person":
            continue
        if o.end <= m.start and m.start - o.end <= 12 and _PERSON_OF_PARTY.match(text[o.end:m.start]):
            return o
        if o.start >= m.end and o.start - m.end <= 4 and _PARTY_POSS.match(text[m.end:o.start]):
            return o
        if o.end <= m.start and m.start - o.end <= 4 and _PAREN_OPEN.match(text[o.end:m.start]):
            return o  # "Gary Tolland (Reform UK) 1,204"
    return m


@lru_cache(maxsize=None)
def cue(kind: str) -> re.Pattern[str] | None:
    """The compiled cue regex of a percent kind or cue list ("vote_share", "poll_article", ...)."""
    k = rules.figure_kinds()
    cues = {
        "vote_share": k.vote_share_cues, "poll_sentence": k.poll_sentence_cues,
        "poll_article": k.poll_article_cues,
    }.get(kind)
    if cues is None:  # every rule of the kind (a kind may have several, tried at different points)
        cues = [c for rule in k.percent_kinds if rule.kind == kind for c in rule.cues]
    return _cue_rx(tuple(cues))


@lru_cache(maxsize=64)
def _cue_rx(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive regex of cue phrases (None for none)."""
    if not cues:
        return None
    return guarded(rf"(?i)\b(?:{rules.alternation(list(cues))})\b")


@lru_cache(maxsize=1)
def _money_cues() -> re.Pattern[str]:
    groups = []
    for i, rule in enumerate(rules.figure_kinds().money_predicates):
        groups.append(rf"(?P<p{i}>{rules.alternation(rule.cues)})")
    return guarded(rf"(?i)\b(?:{'|'.join(groups)})\b")


def money_predicate(sentence: str, offset: int, start: int, end: int) -> str:
    """Predicate of the cue nearest to the amount (a longer cue wins a tie); 'other' when none.

    A cue after the amount behind a phrase break (figure_kinds.json ``money_cue_after_breaks``:
    "fined X £2,000 for reporting a donation late") yields to any cue before it.
    """
    best: tuple[int, int, str] | None = None
    window = rules.figure_kinds().money_cue_window
    brk = _after_break()
    for ms, me, pred in _money_cue_hits(sentence):
        s, e = offset + ms, offset + me
        if s >= start and e <= end:
            continue
        dist = start - e if e <= start else s - end
        if dist > window:
            continue
        key = (dist, -(me - ms), pred)
        if e > start and brk is not None and brk.search(sentence, end - offset, ms):
            key = (window + 1 + dist, key[1], pred)  # behind a break: only when nothing comes before
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else "other"


@lru_cache(maxsize=1)
def _after_break() -> re.Pattern[str] | None:
    return _cue_rx(tuple(rules.figure_kinds().money_cue_after_breaks))


@lru_cache(maxsize=64)
def _money_cue_hits(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, predicate) of the money cues in a sentence, found once for all its amounts."""
    preds = rules.figure_kinds().money_predicates
    return tuple((m.start(), m.end(), preds[int(m.lastgroup[1:])].predicate)
                 for m in scan(_money_cues(), sentence))


@lru_cache(maxsize=1)
def _poll_result() -> re.Pattern[str] | None:
    pat = rules.figure_kinds().poll_result_pattern
    return guarded(f"(?i){pat}") if pat else None


def without_poll_results(text: str) -> str:
    """``text`` with result idioms that look like poll cues blanked (same length).

    >>> without_poll_results("Ray topped the poll.")
    'Ray                .'
    """
    rx = _poll_result()
    if rx is None:
        return text
    parts: list[str] = []
    last = 0
    for m in scan(rx, text):  # the matches ``rx.sub`` would replace
        s, e = m.span()
        parts += [text[last:s], " " * (e - s)]
        last = e
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


@lru_cache(maxsize=64)
def poll_cue(kind: str, text: str) -> bool:
    """A poll cue ("poll_sentence" or "poll_article") in ``text``, result idioms aside.

    Memoized: the attacher and the claims ask about the same article and sentences.
    """
    rx = cue(kind)
    if rx is None:
        return False
    return next(scan(rx, without_poll_results(text)), None) is not None


@lru_cache(maxsize=1)
def _count_progress() -> re.Pattern[str] | None:
    return _cue_rx(tuple(rules.figure_kinds().count_progress_cues))


def poll_context(text: str, sents: Sentences, idx: int, poll_sents: set[int] = frozenset(),
                 figure_sents: set[int] = frozenset()) -> bool:
    """Whether sentence ``idx`` of a poll article reports the poll: it has a poll cue, or it
    directly continues a sentence with one or with poll figures ("... the poll found. Smith had
    41%, Jones 38%"), at most one sentence without figures ("Age Concern says ...") between, and
    does not report how far a count has gone ("with 61% of ballots tallied").

    A figure further away (a tax rise, last election's turnout, the count so far) is not a poll
    figure because the article mentions a poll somewhere.
    """
    if idx < 0 or idx >= len(sents.bounds):
        return False
    a, b = sents.bounds[idx]
    own = text[a:b]
    if poll_cue("poll_sentence", own) or idx in poll_sents:
        return True
    progress = _count_progress()
    if progress is not None and _in_sentence(progress, own):
        return False  # "With 61% of ballots tallied, X had 44.2%": results, whatever came before
    for back in (1, 2):
        j = idx - back
        if j < 0 or (back == 2 and idx - 1 in figure_sents):
            return False
        if j in poll_sents:
            return True
        a, b = sents.bounds[j]
        if poll_cue("poll_sentence", text[a:b]):
            return True
    return False


@lru_cache(maxsize=1)
def _response_after() -> re.Pattern[str] | None:
    cues = rules.figure_kinds().poll_response_cues
    if not cues:
        return None
    return guarded(rf"(?i)\s{{1,3}}(?:[a-z]{{1,10}}\s{{1,3}}){{0,2}}?(?:{rules.alternation(cues)})\b")


def poll_response_after(text: str, end: int, limit: int) -> bool:
    """A poll answer right after a figure ("24 per cent now say", "70% said they would")."""
    rx = _response_after()
    return rx is not None and rx.match(text, end, min(limit, end + 40)) is not None


@lru_cache(maxsize=1)
def _null_after() -> re.Pattern[str] | None:
    cues = rules.figure_kinds().null_subject_responses
    if not cues:
        return None
    return re.compile(rf"(?i)(?:\s[\w'’-]{{1,20}}){{0,5}}?\s(?:{rules.alternation(cues)})\b")


@lru_cache(maxsize=1)
def _null_before() -> re.Pattern[str] | None:
    cues = rules.figure_kinds().null_subject_before
    if not cues:
        return None
    return guarded(rf"(?i)\b(?:{rules.alternation(cues)})\s{{1,3}}(?:\d{{1,3}}(?:,\d{{3}}){{0,3}}\s{{0,2}}\(\s{{0,2}})?$")


@lru_cache(maxsize=32)
def null_share(text: str, start: int, end: int) -> bool:
    """A share that belongs to no one: followed in its clause by an answer like "undecided", or
    after "the remaining" / "others 334 (".

    >>> null_share("with 22% undecided.", 5, 8), null_share("others 334 (1.6%)", 12, 16)
    (True, True)
    >>> null_share("Smith 48%, Jones 41%", 6, 9)
    False

    Memoized: the attacher and the claims ask about the same figures.
    """
    after, before = _null_after(), _null_before()
    if after and after.match(text[end:end + 130].split(",")[0].split(";")[0]):
        return True
    return bool(before and before.search(text, max(0, start - 30), start))


_MARGIN_OF_ERROR = guarded(r"(?i)\bmargin\s{1,3}of\s{1,3}(?:sampling\s{1,3})?error\b")


@lru_cache(maxsize=16)
def _after_rx(pattern: str) -> re.Pattern[str]:
    return re.compile(f"(?i){pattern}")


def _near_hit(rx: re.Pattern[str] | None, before: str, after: str) -> bool:
    """A cue just before the figure (after any earlier figure) or just after it."""
    return rx is not None and bool(rx.search(before) or rx.search(after))


_AFTER_BREAK = re.compile(r"[,;:(]")
_BY_END = re.compile(r"(?i)\bby\s{1,3}(?:about\s|nearly\s|almost\s|just\s)?$")
_OF_BY_END = re.compile(r"(?i)\b(?:of|by)\s{1,3}$")


@lru_cache(maxsize=1)
def _kind_rules() -> tuple[tuple[rules.PercentKindRule, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """(rule, its cue regex, its after-pattern regex) for each percent kind rule, compiled once.

    A margin rule's cues are those of every margin rule (:func:`cue`)."""
    return tuple((rule, cue(rule.kind) if rule.kind == "margin" else _cue_rx(tuple(rule.cues)),
                  _after_rx(rule.after_pattern) if rule.after_pattern else None)
                 for rule in rules.figure_kinds().percent_kinds)


def percent_kind(data: dict, sentence: str, rel_start: int, poll_article: bool, rel_end: int | None = None,
                 others: tuple[tuple[int, int], ...] = (), poll_elsewhere: bool = False) -> str:
    """The kind of a percentage from cue words in its sentence.

    ``poll_article``: the figure is in a poll's context (:func:`poll_context`); ``poll_elsewhere``
    (kept for callers): the article has a poll but this figure is outside its context. A result
    verb right before the figure ("Measure M got 61.2% and failed", "kept her seat with 52%")
    makes a vote share anywhere outside a poll's context.
    ``others`` are the sentence-relative bounds of the sentence's other percentages: a "near"
    rule only looks between the neighbouring figures (at most 60 characters before and 40 after).
    """
    rel_end = rel_start + 1 if rel_end is None else rel_end
    prev_end = max([e for s, e in others if e <= rel_start], default=0)
    next_start = min([s for s, e in others if s >= rel_end], default=len(sentence))
    near_before = sentence[max(prev_end, rel_start - 60):rel_start].rsplit(";", 1)[-1]
    near_after = _AFTER_BREAK.split(sentence[rel_end:min(next_start, rel_end + 40)], maxsplit=1)[0]
    before = sentence[max(0, rel_start - 25):rel_start]
    change = _change_percent()
    if (data.get("unit") == "percent" and data.get("kind") != "margin" and change is not None
            and change.search(near_before)):
        return "other"  # "turnout fell by 10 per cent": a change, not a turnout
    for rule, rx, after_rx in _kind_rules():
        if rule.kind == "margin":
            if data.get("kind") == "margin":
                return "margin"
            if data.get("unit") == "percentage points":
                if rx and _in_sentence(rx, _without_moe(sentence)):
                    return "margin"
                by = _BY_END.search(near_before)
                if by and not _CHANGE.search(near_before):
                    return "margin"
                continue
            if rx and rx.search(before) and _OF_BY_END.search(before):
                return "margin"
            continue
        if rule.kind == "other":  # "97% of precincts reporting", "plus or minus 3 points"
            if data.get("rule") == "percent.bare_coordination":
                continue
            # "a 5-point lead, within the margin of error": only a cue before a stated margin measures the poll
            hit = _near_hit(rx, near_before[-20:], "" if data.get("kind") == "margin" else near_after)
        elif rule.near:
            hit = _near_hit(rx, near_before, near_after if rule.kind == "threshold" else near_after[:12])
            if not hit and after_rx is not None:  # "36 per cent of registered voters took part"
                hit = after_rx.match(sentence, rel_end, min(next_start, rel_end + 60)) is not None
        else:
            hit = rx is not None and _in_sentence(rx, sentence)
        if rule.kind == "threshold":
            if data.get("unit") == "percentage points" and _near_hit(cue("swing"), near_before, near_after[:12]):
                continue  # "needs a swing of 6 points": the swing is the figure, the need its context
            q_hit = data.get("qualifier") in rule.qualifier_cues and _in_sentence(cue("vote_share"), sentence)
            if hit or q_hit:
                return "threshold"
            continue
        if hit:
            return rule.kind
    if data.get("unit") == "percentage points":
        return "other"
    vote = _in_sentence(cue("vote_share"), sentence) or (_poll_result() and _in_sentence(_poll_result(), sentence))
    if poll_article:
        if not poll_cue("poll_sentence", sentence) and (
                (vote and _in_sentence(_PAST_RESULT, sentence))
                or (_result_before() is not None and _result_before().search(near_before))):
            return "vote_share"  # a past result in a poll article: "won a House seat with 54.3%"
        return "poll"
    if vote:
        return "vote_share"
    if poll_cue("poll_sentence", sentence):
        return "poll"
    if (_result_before() is not None and _result_before().search(near_before)
            and (poll_elsewhere or not _SHARE_OF.match(near_after))):
        return "vote_share"  # "won the ward with 41%", "kept her seat with 52.3 per cent", not "took 40% of the grant"
    if data.get("unit") == "percent" and (_COUNT_THEN_SHARE.search(sentence, max(0, rel_start - 30), rel_start)
                                          or _PARTY_THEN_SHARE.search(sentence, max(0, rel_start - 30), rel_start)):
        return "vote_share"  # a results line: "Ann Ray (Lab) 1,204 (41.0%)", "Ann Ray (Lab) 41%"
    return "other"


_SHARE_OF = re.compile(r"\s{1,3}of\s")


@lru_cache(maxsize=1)
def _result_before() -> re.Pattern[str] | None:
    """A past result verb (figure_kinds.json result_verbs_before) ending the text before a figure, no break between."""
    verbs = rules.figure_kinds().result_verbs_before
    if not verbs:
        return None
    modal = r"(?<!would\s)(?<!could\s)(?<!might\s)(?<!would\shave\s)(?<!could\shave\s)(?<!might\shave\s)"
    return guarded(rf"(?i){modal}\b(?:{rules.alternation(verbs)})\b[^,;:.%()]{{0,60}}$")


def _turnout_change(text: str, a: int, start: int) -> bool:
    """ "turnout fell by 4 per cent": a change in turnout, which (like turnout) is no contender's."""
    rx, change = cue("turnout"), _change_percent()
    lo = max(a, start - 40)
    return (rx is not None and change is not None and rx.search(text, lo, start) is not None
            and change.search(text, lo, start) is not None)


@lru_cache(maxsize=1)
def _change_percent() -> re.Pattern[str] | None:
    """Change words (figure_kinds.json percent_change_cues), maybe with a qualifier, ending the text before a figure."""
    words = rules.figure_kinds().percent_change_cues
    if not words:
        return None
    quals = rules.alternation([q.phrase for q in rules.qualifiers().qualifiers])
    return guarded(rf"(?i)\b(?:{rules.alternation(words)})\s{{1,3}}(?:(?:{quals})\s{{1,3}})?$")


@lru_cache(maxsize=256)
def _in_sentence(rx: re.Pattern[str], sentence: str) -> bool:
    """Whether ``rx`` matches in the sentence: asked once per sentence, not per figure."""
    return rx.search(sentence) is not None


@lru_cache(maxsize=64)
def _without_moe(sentence: str) -> str:
    return _MARGIN_OF_ERROR.sub(" ", sentence)


_PARTY_THEN_SHARE = re.compile(r"[a-z]\s{1,2}\([A-Z][\w&.-]{0,20}(?:\s[A-Z][\w&.-]{0,20}){0,2}\)\s{1,2}$")
_COUNT_THEN_SHARE = re.compile(r"(?<![\w.,£$€#])\d{1,3}(?:,\d{3}){1,2}\s{0,2}(?:\(\s{0,2}|,\s{1,3}or\s{1,3})$")


_CHANGE = guarded(r"(?i)\b(?:fell|fallen|falls?|rose|risen|rises?|dropped|drops?|increased|decreased|"
                     r"declined|grew|jumped|slipped|up|down|shrunk|shrank|narrowed|widened|"
                     r"cut|cuts|raise|raises|raised|lower|lowers|lowered|reduce|reduces|reduced)\b")
_PAST_RESULT = guarded(r"(?i)\b(?:won|took|received|secured|polled)\b[^.;]{0,80}\b"
                          r"(?:election|contest|race|seat|by-election|"
                          r"mayoralty|nomination|primary|in\s(?:19|20)\d\d|(?:last|that)\syear)"
                          r"|\b(?:last|previous|the\s(?:last|previous))\s(?:election|general\selection|contest)")


def _measurement(text: str, a: int, b: int, span: Span) -> bool:
    """A percentage that measures the count or the poll, not a contender (the "other" cues next to it)."""
    rx = cue("other")
    after = re.split(r"[,;:(]", text[span.end_char:min(b, span.end_char + 40)], maxsplit=1)[0]
    return rx is not None and bool(rx.search(after) or rx.search(text[max(a, span.start_char - 20):span.start_char]))


@lru_cache(maxsize=1)
def _kind_chain() -> re.Pattern[str] | None:
    pat = rules.figure_kinds().kind_chain_pattern
    return re.compile(f"(?i){pat}") if pat else None


@lru_cache(maxsize=1)
def _turnout_chain() -> re.Pattern[str] | None:
    pat = rules.figure_kinds().turnout_chain_pattern
    return re.compile(f"(?i){pat}") if pat else None


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
        text = self._text = doc_text(doc)
        poll_article = poll_cue("poll_article", text)
        pspans = span_group(doc, PERCENT)
        chain = _kind_chain()
        last_margin: tuple[int, str] | None = None  # (sentence index, subject) of the latest margin
        prev: tuple[int, int, str] | None = None  # (sentence start, end char, kind) of the last figure
        poll_sents: set[int] = set()  # sentences with a poll figure
        figure_sents = {sents.index(p.start_char) for p in pspans} if poll_article else set()
        for i, span in enumerate(pspans):
            data = dict(span_value(doc, PERCENT, span) or {})
            a, b = sents.around(span.start_char)
            others = tuple((p.start_char - a, p.end_char - a) for p in pspans[max(0, i - 3):i + 4]
                           if p is not span and a <= p.start_char < b)
            idx = sents.index(span.start_char)
            polled = poll_article and (poll_context(text, sents, idx, poll_sents, figure_sents)
                                       or poll_response_after(text, span.end_char, b))
            data["kind"] = percent_kind(data, text[a:b], span.start_char - a, polled,
                                        span.end_char - a, others, poll_article and not polled)
            if (prev and prev[0] == a and chain and prev[2] in ("turnout", "vote_share", "poll", "other")
                    and data["kind"] in ("other", "vote_share", "poll") and data.get("unit") != "percentage points"
                    and chain.match(text[prev[1]:span.start_char])):
                data["kind"] = prev[2]
            elif (prev and prev[0] == a and prev[2] == "turnout" and data["kind"] in ("other", "vote_share", "poll")
                  and data.get("unit") != "percentage points" and _turnout_chain()
                  and _turnout_chain().match(text, prev[1], span.start_char)):
                data["kind"] = "turnout"  # "40 per cent in 2019 and 35 per cent in 2023"
            prev = (a, span.end_char, data["kind"])
            if data["kind"] == "poll":
                poll_sents.add(idx)
            near = pspans[max(0, i - 1):i + 2]
            if null_share(text, span.start_char, span.end_char) and data.get("unit") != "percentage points":
                data["subject"] = None  # "with 9% undecided", "the remaining 10.4 per cent"
            elif data["kind"] == "turnout" or (data["kind"] == "other" and data.get("rule") != "percent.bare_coordination"
                                             and (_measurement(text, a, b, span)
                                                  or _turnout_change(text, a, span.start_char))):
                data["subject"] = None  # turnout is the electorate's; "97% of precincts reporting", "plus or minus 3"
            else:
                data["subject"] = self._percent_subject(doc, span, data, near, self._window(ms, sents, span), sents)
            if data["kind"] == "margin":
                if data["subject"] is None and last_margin and idx - last_margin[0] <= 2 and not any(
                        a <= m.start < b and m.type in ("person", "party") for m in self._window(ms, sents, span)):
                    data["subject"] = last_margin[1]  # "That lead has shrunk to three points"
                if data["subject"] is not None:
                    last_margin = (idx, data["subject"])
            set_span_value(doc, PERCENT, span, data)
        self._last_money = None  # (sentence index, subject) of the latest amount with a subject
        for span in span_group(doc, MONEY):
            data = dict(span_value(doc, MONEY, span) or {})
            a, b = sents.around(span.start_char)
            if data.get("equivalent_of") is None:
                data["predicate"] = money_predicate(text[a:b], a, span.start_char, span.end_char)
                if data.get("qualifier") in ("more_than", "at_least") and _threshold_money().search(text, a, b):
                    data["predicate"] = "threshold"
                elif data["predicate"] != "threshold" and _is_limit(text, a, span.start_char):
                    data["predicate"], data["limit"] = "other", True
            data["subject"] = self._money_subject(doc, span, data, self._window(ms, sents, span), sents)
            if data["subject"] is not None and data.get("equivalent_of") is None:
                person = any(m.name == data["subject"] and m.type == "person" for m in self._window(ms, sents, span))
                self._last_money = (sents.index(span.start_char), data["subject"], person)
            set_span_value(doc, MONEY, span, data)
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
        if data.get("rule") == "percent.pair_tail":  # "Mwangi took 48.6 per cent to his 45.9": not the first's
            first = [p for p in pspans if p.end_char <= span.start_char]
            taken = (span_value(doc, PERCENT, first[-1]) or {}).get("subject") if first else None
            return _pronoun_referent(text, [m for m in ms if m.name != taken], sents, span.start_char, a,
                                     text[span.start_char:span.end_char].split()[0])
        pair = self._pair_subject(text, span, pspans, in_sent, a, ms)
        if pair:
            return pair
        kind = data.get("kind")
        nxt_m = next((m for m in in_sent if m.start >= span.end_char), None)
        if kind == "swing":
            to = [m for m in in_sent if m.start >= span.end_char
                  and re.search(r"\bto\s{1,3}(?:the\s{1,3})?$", text[max(a, m.start - 8):m.start])]
            if to:
                return to[0].name
            if _SWING_PARTY.search(text, max(a, span.start_char - 60), span.start_char):
                named = [m for m in ms if m.type == "party" and m.end <= span.start_char]
                if named:  # "a swing against the party of 9 points": the party named last
                    return named[-1].name
        if nxt_m and kind != "margin" and _FOR_AFTER.match(text[span.end_char:nxt_m.start]):
            return prefer_person(text, nxt_m, in_sent).name
        rng = _RANGE_HEAD.search(text, max(a, span.start_char - 30), span.start_char)
        start = rng.start() if rng else span.start_char  # "put Reform between 28 and 31 per cent": the head's
        for m in reversed([m for m in in_sent if m.end <= start]):
            gap = text[m.end:start]
            if m.type == "party" and text[max(a, m.start - 1):m.start] == "(":
                gap = _PAREN_CLOSE.sub("", gap, count=1)  # "Tolland (Reform UK) 1,204 (41%)", "Ross (GRN) 53%"
            if _LINK_BEFORE.match(gap) or _COUNT_BEFORE.match(gap):  # "Ray on 812 (21.3 per cent)"
                return prefer_person(text, m, in_sent).name
            break
        if kind == "margin":
            lead = self._margin_subject(text, span, in_sent, a)
            if lead:
                return lead
            if (re.search(r"\b(?:[Hh]er|[Hh]is)\s{1,3}$", text[max(a, start - 6):start])  # "Her 5-point lead"
                    or (_PRONOUN_START.search(text[a:start]) and not [m for m in in_sent if m.end <= start])):
                prev = [m for m in ms if m.type == "person" and m.end <= a
                        and sents.index(m.start) >= sents.index(span.start_char) - 2]
                if prev:  # the subject (first person named) of the latest sentence naming one
                    last = sents.index(prev[-1].start)
                    return next(m for m in prev if sents.index(m.start) == last).name
        dep = self._dep_subject(doc, span, in_sent)
        if dep:
            return dep
        owner = _owner(text, in_sent, span.start_char)
        if owner and data.get("kind") not in ("poll", "vote_share"):
            return owner
        nxt = next((p.start_char for p in pspans if p.start_char > span.end_char and p.start_char < b), b)
        clause_end = min(nxt, _clause_end(text, span.end_char, b))
        after = [m for m in in_sent if m.start >= span.end_char and m.end <= clause_end]
        attached = re.search(r"\b(?:on|at|with|between)\s{1,3}$", text[max(a, start - 8):start])
        if data.get("kind") == "poll" and not attached:
            if after:
                return after[0].name
            if _SUBJ_PRONOUN.search(text[span.end_char:clause_end]):
                prev = [m for m in ms if m.type == "person" and m.end <= span.start_char
                        and sents.index(m.start) >= sents.index(span.start_char) - 2]
                if prev:
                    return prev[-1].name
        before = [m for m in in_sent if m.end <= span.start_char]
        if before:
            return prefer_person(text, before[-1], in_sent).name
        first = not any(a <= p.start_char < span.start_char for p in pspans)  # not "to 41.6%, for X"
        lead = _PRONOUN_START.search(text[a:start]) if kind == "vote_share" and first else None
        if lead:  # "She had 402,660 votes, or 58.4%": the person the pronoun refers to
            who = _pronoun_referent(text, ms, sents, span.start_char, a, lead.group(0))
            if who:
                return who
        if data.get("kind") == "poll":
            if _SUBJ_PRONOUN.search(text[a:b]):
                prev = [m for m in ms if m.type == "person" and m.end <= a
                        and sents.index(m.start) >= sents.index(span.start_char) - 2]
                if prev:
                    return prev[-1].name
            return None
        return after[0].name if after else None

    @staticmethod
    def _margin_subject(text: str, span: Span, in_sent: list[Mention], a: int) -> str | None:
        """The leader of a margin: the one trailed ("X trails Y by 5 points") or the clause's first name."""
        if _WITHIN_OF.search(text, max(a, span.start_char - 20), span.start_char):
            nxt = next((m for m in in_sent if m.start >= span.end_char), None)
            if nxt and _POINTS_OF.match(text[span.end_char:nxt.start]):
                return nxt.name  # "puts the Greens within three points of Labour": Labour leads
        before = [m for m in in_sent if m.end <= span.start_char]
        if not before:
            return None
        trail = None
        for t in _TRAIL.finditer(text, before[0].end, span.start_char):
            trail = t
        if trail:
            after = [m for m in before if m.start >= trail.end()]
            return after[0].name if after else None
        return before[0].name

    @staticmethod
    def _pair_subject(text: str, span: Span, pspans: list[Span], in_sent: list[Mention], a: int,
                      window: list[Mention] = ()) -> str | None:
        """ "X lead Y by 39% to 34%": the first figure is X's, the second Y's; "X led 51% to 33%": the
        second is X's latest-named rival candidate's."""
        for p in pspans:
            if p is span or p.start_char == span.start_char:
                continue
            first, second = (p, span) if p.start_char < span.start_char else (span, p)
            gap = text[first.end_char:second.start_char]
            if not re.fullmatch(r"\s{0,2}(?:to|-|–)\s{0,2}", gap):
                continue
            cands = [m for m in in_sent if m.end <= first.start_char]
            if cands and _BEAT.search(text, a, first.start_char):  # "X beat Y 52%-47%": X's, then Y's
                return cands[0].name if span.start_char == first.start_char else cands[-1].name
            people = [m for m in cands if m.type == "person"]
            if (len(people) >= 2 and _LEADS.match(text[people[-2].end:people[-1].start])
                    and re.fullmatch(r"\s{1,3}(?:by\s{1,3})?", text[people[-1].end:first.start_char])):
                # "X leads Y 47% to 42%"
                return people[-2].name if span.start_char == first.start_char else people[-1].name
            lone = people
            if (len(lone) == 1 and re.search(r"\bto\b", gap) and (re.search(
                    r"(?i)\b(?:led|leads|leading|ahead|over)\b", text[lone[0].end:first.start_char])
                    or re.fullmatch(r"\s{1,3}up\s{1,3}", text[lone[0].end:first.start_char]))):
                if span.start_char == first.start_char:
                    return lone[0].name
                rivals = [m for m in window if m.type == "person" and m.role == "candidate" and m.name != lone[0].name
                          and m.end <= lone[0].start]
                if rivals:
                    return rivals[-1].name
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
                owner_rx = _owner_noun()
                kids = [c for c in child.children if c.dep_ == "appos"]
                kids += [c for c in child.children if c.dep_ == "compound" or (c.dep_ == "poss" and (
                    owner_rx is None or owner_rx.match(self._text, c.idx + len(c.text), c.idx + len(c.text) + 50)
                    or child.text[:1].isupper()))]
                for t in [child, *kids]:
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
        if pred == "threshold" or data.get("limit"):
            return None
        in_sent = [m for m in ms if m.start >= a and m.end <= b]
        mine = _pronoun_owner().match(text, a, span.start_char)
        if not mine:  # "...; her campaign had raised $388,000", "Ray said his campaign spent $9,000"
            cuts = [m.end() for m in _CLAUSE_START.finditer(text, a, span.start_char)]
            mine = _pronoun_owner().match(text, cuts[-1], span.start_char) if cuts else None
            if mine and mine.group(0).lower().endswith("party"):
                mine = None  # "Howard says his party can save £35bn": the party's, found below
        if mine and not [m for m in in_sent if mine.end() <= m.start < span.start_char and m.type in ("person", "party")]:
            who = _pronoun_referent(text, ms, sents, span.start_char, a, mine.group("pron"))
            if who:  # "Her 2016 campaign raised about $410,000": the person the pronoun refers to
                return who
        named = _named_payer(text, ms, in_sent, span, a, pred)
        if named:
            return named
        if pred in ("donation", "fundraising"):
            rec = next((m for m in in_sent if m.start >= span.end_char and m.type in ("person", "party")), None)
            if rec and _TO_RECIPIENT.match(text[span.end_char:rec.start]):
                return rec.name  # "transferred $40,000 to Ray's campaign": the recipient's
        allowed = ("party",) if pred == "donation" else ("person", "party", "org")
        before = [m for m in in_sent if m.end <= span.start_char and m.type in allowed]
        if before and _POSSESSIVE.match(text[before[-1].end:span.start_char]):
            return before[-1].name
        if (before and before[-1].type in ("person", "party")
                and re.fullmatch(r"\s{1,3}", text[before[-1].end:span.start_char])):
            return before[-1].name  # a list of returns: "..., the Greens £3,275"
        by = next((m for m in in_sent if m.start >= span.end_char and m.type in ("person", "party", "org")), None)
        if by and _BY_AFTER.match(text[span.end_char:by.start]):  # "the $850,000 spent by Ray"
            return by.name
        owned = _owner_of(text, in_sent, span, a, b)
        if owned and pred != "donation":
            return owned.name
        pac = _pac_regex().search(text, max(a, span.start_char - 200), span.start_char)
        if pac and not _SPEECH.search(text, pac.end(), span.start_char):
            return pac.group("name")
        if _self_funding().search(text, max(a, span.start_char - 60), min(b, span.end_char + 60)):
            people = [m for m in before if m.type == "person"]
            if people:
                return people[0].name if not self._has_dep else people[-1].name
            prev = _previous_person(text, ms, sents, span.start_char, a)
            if prev:
                return prev
        the_party = [t for t in _THE_PARTY.finditer(text, a, span.start_char)]
        named = [m for m in before if m.type == "party"]
        if the_party and named and not [m for m in before if m.type == "person" and m.end <= the_party[-1].start()
                                        and m.start > named[-1].end and m.role != "official"]:
            return named[-1].name  # "Republican chair Ann Ray said the party would spend $1m"
        if the_party and not named:
            idx = sents.index(span.start_char)
            prev = [m for m in ms if m.type == "party" and m.end <= a and sents.index(m.start) >= idx - 3]
            if prev:  # "The party received a further £12,500", "after the party's candidates spent £31,000"
                return prev[-1].name
        if not [m for m in before if m.type in ("person", "party")] and pred in ("spending", "fundraising", "other"):
            if _PRONOUN_START.search(text[a:span.start_char]):
                prev = _previous_person(text, ms, sents, span.start_char, a)
                if prev:
                    return prev
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
        body = _body_subject(text, ms, in_sent, a, span.start_char)
        if body:  # "The council says it will spend an extra £85,000", "said the city had spent £1.2m"
            return body
        policy = bool(_policy_regex().search(text, max(a, span.start_char - 80), min(b, span.end_char + 40)))
        found = self._dep_subject(doc, span, [m for m in in_sent if m.type in allowed])
        if found is None:
            people_parties = [m for m in before if m.type in ("person", "party")]
            if people_parties and not self._has_dep:  # no parse: the clause's surface subject
                found = _surface_subject(text, people_parties, a, span.start_char).name
            elif people_parties:
                found = people_parties[-1].name
        by_name = {m.name: m for m in ms}
        if found is not None and not (policy and by_name.get(found) and by_name[found].type == "person"):
            return found
        if found is not None:  # a person's policy figure belongs to their party
            party = _person_party(doc, found)
            if party:
                return party
        last = getattr(self, "_last_money", None)
        if (found is None and pred in ("donation", "fundraising") and last is not None
                and sents.index(span.start_char) - last[0] <= 2
                and (not last[2] or _PERSON_ANAPHOR.search(text, a, span.start_char))):
            return last[1]  # "Ray raised $1.2m. Donors gave his campaign $900,000": the same recipient
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
            data = span_value(doc, MONEY, span) or {}
            if data.get("equivalent_of") is None:
                last = data
            elif last is not None:
                new = dict(data)
                new["subject"], new["predicate"] = last.get("subject"), last.get("predicate")
                set_span_value(doc, MONEY, span, new)


_NAME = r"[A-Z][\w'’&.-]{0,30}(?:\s{1,3}(?:(?:of|for|the|and)\s{1,3})?[A-Z][\w'’&.-]{0,30}){0,5}"
_SAID = re.compile(r"^\W{0,3}(?:[Tt]he|An?)\s{1,3}(?P<noun>[a-z]{3,20})(?:\s{1,3}[a-z]{3,12})?\s{1,3}"
                   r"(?:said|says|estimated|estimates|reported|expects)\b")


@lru_cache(maxsize=1)
def _object_regex() -> re.Pattern[str] | None:
    """ "cost the county about ", "fined Mesa Forward ": an owner between a verb and the amount."""
    verbs = rules.figure_kinds().money_object_verbs
    if not verbs:
        return None
    return guarded(rf"(?i:\b(?:{rules.alternation(verbs)}))\s{{1,3}}(?:(?P<the>the|its|their)\s{{1,3}})?"
                      rf"(?:(?P<name>{_NAME})|(?P<noun>[a-z]{{3,20}}))\s{{1,3}}(?:(?i:a|an)\s{{1,3}})?$")


@lru_cache(maxsize=1)
def _group_regex() -> re.Pattern[str] | None:
    """ "Mesa Forward, a super PAC backing Ray, spent ", "a political action committee called Mesa Forward spent "."""
    nouns = rules.figure_kinds().group_nouns
    if not nouns:
        return None
    alt = rules.alternation(nouns)
    return re.compile(rf"(?P<name>{_NAME}),\s{{1,3}}(?i:an?|the)\s{{1,3}}(?:[\w-]{{1,20}}\s{{1,3}}){{0,2}}"
                      rf"(?i:{alt})\b[^,;.]{{0,120}},"
                      rf"|(?i:{alt})\s{{1,3}}(?:called|named|known\s{{1,3}}as)\s{{1,3}}(?P<name2>{_NAME})"
                      rf"|(?P<name3>{_NAME}),\s{{1,3}}(?:which|who)\s[^,;.$£€]{{1,120}},\s{{1,3}}"
                      rf"(?:(?:has|had|have)\s{{1,3}}(?:also\s{{1,3}})?)?[a-z]{{2,20}}\s{{1,3}}"
                      rf"(?:(?:more\s{{1,3}}than|about|over|nearly|almost|roughly)\s{{1,3}})?$")


@lru_cache(maxsize=1)
def _limit_regex() -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    """The limit cues, and the words one must be about."""
    k = rules.figure_kinds()
    cues = rf"(?i)\b(?:{rules.alternation(k.money_limit_cues)})\b" if k.money_limit_cues else None
    objs = rules.alternation(k.money_limit_objects or ["\x00"])
    return (guarded(cues) if cues else None), guarded(rf"(?i)\b(?:{objs})\b")


_CLAUSE_STOP = re.compile(r"[.;]")


def _is_limit(text: str, a: int, start: int) -> bool:
    """ "Each candidate can spend up to £100,000", "capped spending at C$90,000": a limit, no one's money."""
    rx, obj = _limit_regex()
    lo = max(a, start - 60)
    return (rx is not None and rx.search(text, lo, start) is not None and obj.search(text, lo, start) is not None
            and not _CLAUSE_STOP.search(text, lo, start))


def _org_by_noun(noun: str, ms: list[Mention], before: int, text: str = "") -> str | None:
    """The latest organisation named before ``before`` whose name has ``noun`` ("the county" -> "Harmon County")."""
    noun = noun.lower()
    for m in reversed(ms):
        if m.type == "org" and m.end <= before and noun in m.name.lower().split():
            return m.name
    return _body_named(text, noun, ms, before) if text else None


def _body_named(text: str, noun: str, ms: list[Mention], before: int) -> str | None:
    """Without an entity: the latest capitalised name ending in the noun before ``before`` ("the council" ->
    "Harmon District Council", "the county" -> "Harmon County"), not part of a party's or person's name."""
    if not noun.isalpha() or len(noun) < 4:
        return None
    rx = _body_rx(noun)
    lo = max(0, before - 6000)
    found = None
    for m in rx.finditer(text, lo, before):
        if not any(x.start < m.end() and x.end > m.start() and x.type in ("party", "person") for x in ms):
            found = m
    if found is None:
        return None
    name = _clean_name(found.group(0))
    return name if len(name.split()) >= 2 else None


_SPEECH = re.compile(r"[.;]|\b(?:said|says|estimates?|estimated|expects?|expected|warned|warns|told|argued|"
                     r"claims?|claimed)\b")


@lru_cache(maxsize=1)
def _body_subject_rx() -> re.Pattern[str] | None:
    """A clause opening on "the (word) council('s)": at the sentence start or after said/says/that/;/while."""
    nouns = rules.figure_kinds().body_nouns
    if not nouns:
        return None
    return guarded(rf"(?:^\W{{0,3}}|\b(?:said|says|that|while|whereas|but)\s{{1,3}}|;\s{{1,3}})[Tt]he\s{{1,3}}"
                   rf"(?:[a-z]{{3,15}}\s{{1,3}})?(?P<noun>{rules.alternation(nouns)})(?:'s|’s)?\s")


def _body_subject(text: str, ms: list[Mention], in_sent: list[Mention], a: int, start: int) -> str | None:
    """The public body a clause before the amount opens on, with no person or party named between."""
    rx = _body_subject_rx()
    if rx is None:
        return None
    hit = None
    for m in rx.finditer(text[a:start]):
        hit = m
    if hit is None:
        return None
    end = a + hit.end()
    said = _SPEECH.match(text, end, start)  # "The council says it will spend": the body itself speaks
    if said and said.group(0) not in ".;":
        end = said.end()
    if _SPEECH.search(text, end, start) or any(
            a + hit.end() <= m.start < start and m.type in ("person", "party", "org") for m in in_sent):
        return None
    return _org_by_noun(hit.group("noun"), ms, start, text)


@lru_cache(maxsize=64)
def _body_rx(noun: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?:[A-Z][\w'’-]{{1,20}}\s{{1,3}}(?:(?:of|the)\s{{1,3}})?){{0,4}}"
                      rf"[A-Z][\w'’-]{{1,20}}\s{{1,3}}{noun.capitalize()}\b"
                      r"(?:\s{1,3}(?:Council|Commission|Authority))?")


def _mention_named(name: str, start: int, ms: list[Mention], person_last: bool = False) -> str | None:
    """The canonical name of a payer captured at ``start``: a party inside it ("the Ashcombe Conservative
    Association"), else a mention covering it, else the captured name if it has two words or more.
    ``person_last``: a person named at its end comes first ("Republican Ann Ray, who ..., raised")."""
    end = start + len(name)
    inside = [m for m in ms if m.start < end and m.end > start]
    if person_last and inside and inside[-1].type == "person" and inside[-1].end >= end:
        return inside[-1].name
    party = next((m for m in inside if m.type == "party"), None)
    if party:
        return party.name
    cover = next((m for m in inside if m.start <= start and m.end >= end), None)
    if cover:
        return cover.name
    clean = _clean_name(name)
    return clean if len(clean.split()) >= 2 else None


def _named_payer(text: str, ms: list[Mention], in_sent: list[Mention], span: Span, a: int,
                 pred: str | None) -> str | None:
    """Who pays, owes or is fined when the sentence says so: "cost the council £2m", "fined Mesa Forward
    $5,000", "Mesa Forward, a super PAC, spent $1m", "$5.7 million for the Ohio Republican Party"."""
    start = span.start_char
    obj = _object_regex()
    m = obj.search(text, max(a, start - 80), start) if obj else None
    if m and m.group("name"):
        named = _mention_named(m.group("name"), m.start("name"), in_sent)
        if named:
            return named
    if m and m.group("noun") and m.group("the"):
        return _org_by_noun(m.group("noun"), ms, start, text)
    grp = _group_regex()
    if grp is not None:
        g = None
        for g in grp.finditer(text, max(a, start - 200), start):
            pass
        if g and not re.search(r"[.;]", text[g.end():start]) and not re.search(r"\$|£|€", text[g.end():start]):
            key = next(k for k in ("name", "name2", "name3") if g.group(k))
            named = _mention_named(g.group(key), g.start(key), in_sent, person_last=key == "name3")
            if named:
                return named
    if pred == "cost" or _COST_CUE.search(text, max(a, start - 40), start):
        said = _SAID.match(text, a, start)
        if said:  # "The commission said the vote would cost ...": the body that bears it
            return _org_by_noun(said.group("noun"), ms, start, text)
        first = in_sent[0] if in_sent else None
        if first and first.type == "org" and first.end <= start and re.match(r"\s{1,3}(?:said|says)\b", text[first.end:first.end + 8]):
            return first.name  # "Carrowmore County Council said running the count had cost ..."
    for mm in in_sent:
        if mm.start >= span.end_char and mm.type in ("party", "org"):
            if _FOR_OWNER.match(text[span.end_char:mm.start]):
                return mm.name  # "compared with $5.7 million for the Ohio Republican Party"
            break
    return None


_COST_CUE = guarded(r"(?i)\bcost(?:s|ing)?\b")
_FOR_OWNER = re.compile(r"^\s{1,3}for\s{1,3}the\s{1,3}(?:[A-Z][\w'’.-]{0,20}\s{1,3}){0,2}$")
_AT_AFTER = re.compile(r"^\s{1,3}(?:at|in|from|for)\s{1,3}(?:the\s{1,3})?$")


@lru_cache(maxsize=1)
def _policy_regex() -> re.Pattern[str]:
    cues = rules.figure_kinds().policy_cues or ["\x00"]
    return guarded(rf"(?i)\b(?:{rules.alternation(cues)})\b")


_OWNED = re.compile(r"^(?:'s|’s|'|’)?\s{1,3}(?:record|plans?|polic(?:y|ies)|pledges?|manifesto|proposals?|promises?|"
                    r"programme|program|budget|government)\b")


@lru_cache(maxsize=1)
def _pac_regex() -> re.Pattern[str]:
    """ "A super PAC backing X, Mesa Forward, spent ...": the committee's own name."""
    name = r"[A-Z][\w'’&.-]{0,30}(?:\s{1,3}(?:(?:of|for|the|and)\s{1,3})?[A-Z][\w'’&.-]{0,30}){0,5}"
    nouns = rules.alternation(rules.figure_kinds().group_nouns or ["super pac"])
    return guarded(rf"\b(?:(?:super\s{{1,3}}PAC|PAC|political\s{{1,3}}action\s{{1,3}}committee)\b[^,.;]{{0,60}}"
                   rf"|(?i:{nouns})(?:\s{{1,3}}(?:backing|supporting|allied\s{{1,3}}with|aligned\s{{1,3}}with)\b"
                   rf"[^,.;]{{0,60}})?)"
                   rf",\s{{1,3}}"
                   rf"(?P<name>{name}),")


@lru_cache(maxsize=1)
def _owner_noun() -> re.Pattern[str] | None:
    nouns = rules.figure_kinds().owner_nouns
    if not nouns:
        return None
    return re.compile(rf"(?i)(?:'s|’s|')\s{{1,3}}(?:own\s{{1,3}})?(?:[a-z]{{2,12}}\s{{1,3}})?"
                      rf"(?:{rules.alternation(nouns)})\b")


@lru_cache(maxsize=1)
def _pronoun_owner() -> re.Pattern[str]:
    """A sentence opening "Her/His (up to three words) campaign" (owner_nouns in figure_kinds.json)."""
    nouns = rules.alternation(rules.figure_kinds().owner_nouns or ["campaign"])
    return re.compile(rf"\s{{0,3}}(?P<pron>[Hh]er|[Hh]is)\s{{1,3}}(?:[\w'’-]{{1,20}}\s{{1,3}}){{0,3}}?(?:{nouns})\b")


def _owner_of(text: str, in_sent: list[Mention], span: Span, a: int, b: int) -> Mention | None:
    """ "Whitlock's leadership PAC raised $8m", "the $900,000 Bell's own campaign spent"."""
    rx = _owner_noun()
    if rx is None:
        return None
    for m in in_sent:
        if m.type not in ("person", "party"):
            continue
        near_before = m.end <= span.start_char and not re.search(r"[;]", text[m.end:span.start_char])
        near_after = m.start >= span.end_char and m.start - span.end_char <= 4
        if (near_before or near_after) and rx.match(text, m.end, min(b, m.end + 50)):
            return m
    return None


@lru_cache(maxsize=1)
def _self_funding() -> re.Pattern[str]:
    cues = rules.figure_kinds().self_funding_cues or ["\x00"]
    return guarded(rf"(?i)\b(?:{rules.alternation(cues)})\b")


def _previous_person(text: str, ms: list[Mention], sents: Sentences, start: int, a: int) -> str | None:
    """The person a pronoun refers to: the latest person named up to two sentences back."""
    idx = sents.index(start)
    prev = [m for m in ms if m.type == "person" and m.end <= start and sents.index(m.start) >= idx - 2]
    cands = [m for m in prev if m.role == "candidate"]
    return (cands or prev)[-1].name if prev else None


_FEMALE = re.compile(r"(?i)\b(?:she|her|hers|herself)\b")
_TITLE_BEFORE = re.compile(r"\b(?P<t>Mr|Mrs|Ms|Miss|Mx)\.?\s{1,2}$")
_PRONOUN_AFTER = re.compile(r"^[^.;]{0,80}?\b(?P<p>[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")


def _gender_of(text: str, mentions: list[Mention]) -> str | None:
    """'f' or 'm' from a title before a mention (Ms, Mr) or the first pronoun after one, else None."""
    for m in mentions:
        t = _TITLE_BEFORE.search(text, max(0, m.start - 6), m.start)
        if t:
            return "m" if t.group("t") == "Mr" else "f" if t.group("t") != "Mx" else None
    for m in mentions:
        p = _PRONOUN_AFTER.match(text[m.end:m.end + 90])
        if p:
            return "f" if _FEMALE.match(p.group("p")) else "m"
    return None


def _pronoun_referent(text: str, ms: list[Mention], sents: Sentences, start: int, a: int,
                      pronoun: str) -> str | None:
    """The person a sentence-initial he/she/his/her refers to: the latest person (candidates first) in the
    nearest sentence up to two back naming one whose known gender does not clash with the pronoun."""
    idx = sents.index(start)
    prev = [m for m in ms if m.type == "person" and m.end <= start and sents.index(m.start) >= idx - 2]
    if not prev:
        return None
    want = "f" if _FEMALE.search(pronoun) else "m"
    seen: set[str] = set()
    for back in range(3):  # the nearest sentence naming someone; its candidates first, latest first
        here = [m for m in prev if sents.index(m.start) == idx - back]
        for m in reversed([m for m in here if m.role != "candidate"] + [m for m in here if m.role == "candidate"]):
            if m.name in seen:
                continue
            seen.add(m.name)
            g = _gender_of(text, [x for x in ms if x.name == m.name and x.end <= start])
            if g is None or g == want:
                return m.name
    return None


def _owner(text: str, in_sent: list[Mention], before: int) -> str | None:
    """A party whose record/plans the sentence is about ("the Conservatives' record", "Tory plans")."""
    for m in in_sent:
        if m.type == "party" and m.end <= before and _OWNED.match(text[m.end:m.end + 30]):
            return m.name
    return None


@lru_cache(maxsize=1)
def _threshold_money() -> re.Pattern[str]:
    cues = rules.figure_kinds().money_threshold_cues or ["\x00"]
    return guarded(rf"(?i)\b(?:{rules.alternation(cues)})\b")


def _person_party(doc: Doc, name: str) -> str | None:
    """The party of a person from the people records (``doc._.electx_people``), if any."""
    for rec in doc._.electx_people or []:
        if isinstance(rec, dict) and rec.get("name") == name and rec.get("party"):
            return rec["party"]
    return None


_CLAUSE_BREAK = re.compile(r";|,\s(?:while|but|whereas)\b|\s(?:while|but|whereas|compared)\s")


_CLAUSE_START = re.compile(r";\s|,\s{1,3}(?:and|but|while|whereas)\s|\s(?:while|whereas)\s"
                           r"|\b(?:said|says)\s(?:that\s)?")
_INTRO_PHRASE = re.compile(r"\W{0,3}(?:On|In|For|Among|Across)\s{1,3}(?:the\s{1,3})?$")
_INTRO_END = re.compile(r"^\s{0,3}(?:side|camp|benches|ticket)?\s{0,3},")
_BEFORE_PERSON = re.compile(r"^(?:'s|’s)?\s{1,3}(?:[a-z][\w-]{1,20}\s{1,3}){0,3}$")


def _surface_subject(text: str, before: list[Mention], a: int, start: int) -> Mention:
    """Without a parse: the first person/party named in the clause holding the figure ("...; the Greens
    spent £3,000", ", while Ferris raised $1m"), skipping a party that only modifies a person
    ("Labour's Ann Ray", "Republican Ann Ray") or sits in an opening phrase ("On the Democratic side, Ann
    Ray raised ...").  ``before``: the person/party mentions of the sentence before the figure, in order."""
    cuts = [m.end() for m in _CLAUSE_START.finditer(text, a, start)]
    clause = before
    for cut in reversed(cuts):  # the latest clause naming someone: "; Labour said it had spent £9,000"
        inside = [m for m in before if m.start >= cut]
        if inside:
            clause = inside
            break
    first = clause[0]
    if first.type == "party":
        nxt = next((m for m in clause if m.start >= first.end and m.type == "person"), None)
        if nxt is not None and (_BEFORE_PERSON.match(text[first.end:nxt.start])
                                or (_INTRO_PHRASE.search(text, max(a, first.start - 12), first.start)
                                    and _INTRO_END.match(text[first.end:first.end + 20]))):
            return nxt
    return first


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _CLAUSE_BREAK.search(text, start, limit)
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
