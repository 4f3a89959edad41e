"""Coding one article: triggers -> events with parties, place, time, attribution and status."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.coding import arguments as args
from dateline.coding.attribution import Speaker, quote_regions, speaker_for, status_of
from dateline.coding.context import holder_of, meeting_parties, presence_holders
from dateline.coding.drafts import (FORCE_TYPES, JOINT_TYPES, MATERIAL_TYPES,
                                     RECIPIENT_TYPES, Draft, dedupe, fatalities_of, retold_details, most_specific, weapon_mode,
                                     place_prepositions, place_role, retold_times, split_sides)
from dateline.coding.lexicon import acled_type, load_triggers, word_set
from dateline.coding.recast import Coding, recast
from dateline.coding.parties import ActorRegistry, PartyResolver, as_force, as_people, host_state, rekey
from dateline.coding.triggers import Found, find_triggers, noun_key
from dateline.records import ActorMention, Event, Place, ResolvedArticle, Sentence, TimeSpan
from dateline.resolve.actor_lexicon import load_actor_lexicon
from dateline.resolve.actors import QUANTITY_HEADS, build_context, countries_in, phrase_tokens
from dateline.resolve.places import place_at
from dateline.resolve.times import event_time

Token = Any

ARMED_SECTORS = {"MIL", "UAF", "REB", "INS", "COP", "PKO"}
PARTY_PREPS = {"of", "with", "between", "against", "toward", "towards"}
REFLEXIVES = {"themselves", "itself", "himself", "herself", "ourselves", "myself", "yourself", "yourselves"}


class Coder:
    def __init__(self, resolved: ResolvedArticle):
        self.resolved = resolved
        annotated = resolved.annotated
        self.lex = load_actor_lexicon()
        self.ctx = build_context(annotated, resolved.places)
        self.parties = PartyResolver(resolved.actor_mentions, self.ctx, annotated.parsed, resolved.places)
        self.triggers = load_triggers()
        self.registry = ActorRegistry()
        self.quotes = quote_regions(annotated.article.text)
        self.focus_place = self._focus_place()
        self.history: list[Draft] = []
        self.holders: list = []

    def _focus_place(self) -> Place | None:
        if not self.ctx.focus or self.ctx.focus not in self.lex.states:
            return None
        iso2 = self.lex.states[self.ctx.focus].iso2
        return next((p for p in self.resolved.places if p.feature == "country" and p.country == iso2), None)

    # ---- per sentence -------------------------------------------------------------------------
    def sentence_span(self, sent: Sentence) -> tuple[Any, int]:
        block = self.resolved.annotated.parsed[sent.block]
        span = block.doc.char_span(sent.start - block.offset, sent.end - block.offset, alignment_mode="expand")
        return span, block.offset

    def drafts(self) -> list[Draft]:
        out: list[Draft] = []
        quote_speakers = self._quote_speakers()
        for sent in self.resolved.annotated.sentences:
            span, offset = self.sentence_span(sent)
            if span is None:
                continue
            for found in find_triggers(span, self.triggers):
                draft = self._draft(found, sent, span, offset)
                if draft is None:
                    continue
                self.history.append(draft)
                if draft.speaker is None:
                    draft.speaker = next((s for (a, b), s in quote_speakers if a <= sent.start < b), None)
                out.extend(split_sides(draft))
        return out

    def _quote_speakers(self) -> list[tuple[tuple[int, int], Speaker]]:
        """Each quoted passage with the speaker its tag names (', a senior official said.')."""
        out = []
        sentences = self.resolved.annotated.sentences
        for start, end in self.quotes:
            for sent in sentences:
                if sent.start <= end - 1 < sent.end + 1 or (start <= sent.start < end and sent.end > end):
                    span, offset = self.sentence_span(sent)
                    if span is None:
                        continue
                    for tok in span:
                        if tok.lemma_.lower() in word_set("speech") and offset + tok.idx >= end - 1:
                            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                            if subj is not None:
                                from dateline.coding.attribution import _phrase_text
                                out.append(((start, end), Speaker(_phrase_text(subj), subj)))
                                break
        return out

    def _mentions(self, tokens: list[Token], offset: int, kind: str | None = None) -> list[ActorMention]:
        out: list[ActorMention] = []
        for tok in tokens:
            firer = args.weapon_firer(tok)
            if firer:
                out += self._mentions(firer, offset)
                continue
            if tok.lemma_.lower() in word_set("weapon") | word_set("platform"):   # "Russian missiles struck ...", "its ships fired"
                owners = args.owner_modifiers(tok) + [c for c in tok.children if c.dep_ == "poss"]
                if owners:
                    out += [m for m in self._mentions(owners, offset) if all(x.key != m.key for x in out)]
                    continue
            earlier = self._event_noun_doers(tok, offset, kind)
            if earlier is not None:
                out += [m for m in earlier if all(x.key != m.key for x in out)]
                continue
            m = self.parties.resolve(tok, offset)
            for one in [m] + self._coordinated_sides(m, tok) if m is not None else []:
                if all(x.key != one.key for x in out):
                    out.append(one)
        return out

    def _coordinated_sides(self, mention: ActorMention, tok: Token) -> list[ActorMention]:
        """"Serbian and Kosovar negotiators" are two parties: one per demonym of a role noun."""
        if mention.key.startswith(("org:", "person:", "role:")) or mention.kind == "state":
            return []
        countries = countries_in(phrase_tokens(tok), self.lex, skip=tok.i)
        return [rekey(mention, iso, self.lex) for iso in countries[1:] if iso != mention.country]

    def _event_noun_doers(self, tok: Token, offset: int, kind: str | None) -> list[ActorMention] | None:
        """An event noun standing as a party ("French air strikes hit ...", "the air strikes have
        hit ...") stands for its doers: its own (demonyms, possessor), else those of the latest
        earlier event of its type."""
        if tok.lemma_.lower() in QUANTITY_HEADS:
            tok = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"), tok)
        key = noun_key(tok, self.triggers) if tok.pos_ == "NOUN" else None
        if key is None or kind not in {t.type for t in self.triggers.for_noun(key)}:
            return None
        own, _, _ = args.noun_parties(tok)
        if own:
            found = [m for t in own if (m := self.parties.resolve(t, offset)) is not None]
            if found:
                return found
        kinds = {t.type for t in self.triggers.for_noun(key)}
        earlier = next((d for d in reversed(self.history) if d.found.trigger.type in kinds and d.sources), None)
        return earlier.sources if earlier is not None else None

    def _draft(self, found: Found, sent: Sentence, span: Any, offset: int) -> Draft | None:
        tok, trig = found.token, found.trigger
        passive = False
        if found.is_noun:
            if not self._reported_noun(tok):
                return None
            src_t, tgt_t, joint_t = args.noun_parties(tok, doer_noun=trig.type not in ("CONSULT", "MOBILIZE", "AGREE"),
                                                      kind=trig.type)
            if not src_t:
                src_t = args.governing_subjects(tok)
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_set("light"):
                preps = args.FORCE_PREPS if trig.type == "ASSAULT" else args.TARGET_PREPS
                tgt_t = tgt_t + [t for t in args.prep_objects(tok.head, preps) if t not in tgt_t]
                # ("conducted operations against the insurgents": the parser hangs the target on the verb)
            if not src_t and not joint_t and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                  for c in tok.children):
                # "the talks": the talks already reported, with the same parties
                earlier = next((d for d in reversed(self.history)
                                if d.found.trigger.type == trig.type and d.sources), None)
                if earlier is not None:
                    places, local = self._places(tok, sent, offset, [], trig.type)
                    return replace(earlier, found=found, sentence=sent, speaker=speaker_for(tok, span),
                                   places=places, local_place=local, mode=trig.mode, cameo=trig.cameo,
                                   targets=list(earlier.targets), fatalities=None)
        else:
            subjects, passive = args.verb_subjects(tok)
            objects = args.verb_objects(tok)
            joint_t = args.prep_objects(tok, args.JOINT_PREPS) if trig.type in JOINT_TYPES else []
            if passive:
                src_t, tgt_t = args.agent_of(tok), subjects
                if not src_t and trig.type == "ASSAULT":     # "were killed in Israeli tank shelling"
                    src_t = [t for n in args.event_noun_in(tok) if noun_key(n, self.triggers)
                             for t in args.noun_parties(n, kind="ASSAULT")[0]]
            else:
                src_t, tgt_t = subjects, objects
            src_t = src_t + [t for t in args.companions(tok, src_t) if t not in src_t]
            preps = args.FORCE_PREPS if trig.type == "ASSAULT" else args.TARGET_PREPS + (
                ("with",) if trig.type in ("SANCTION", "SUPPORT") else ())   # "broke off relations with Congo",
            #                                                              "ratified an agreement with the EU"
            tgt_t = tgt_t + args.prep_objects(tok, preps) + args.object_targets(tok, preps)
            if trig.type in ("ASSAULT", "COERCE"):
                # "opened fire to disperse the demonstrators": whom the force was for
                tgt_t = tgt_t + [o for x in tok.children if x.dep_ in ("advcl", "xcomp")
                         and any(c.dep_ == "aux" and c.tag_ == "TO" for c in x.children) for o in args.verb_objects(x)]
            if trig.type == "THREATEN":
                tgt_t = tgt_t + args.threatened_parties(tok)
            if trig.type in RECIPIENT_TYPES:
                tgt_t = tgt_t + args.recipients(tok)
            if trig.type == "AGREE" and tok.lemma_.lower() in word_set("commitment"):
                # "offered to hand over to Britain two suspects": the party the promise is made to
                tgt_t = tgt_t + [t for x in tok.children if x.dep_ == "xcomp"
                                 for t in args.recipients(x) + args.prep_objects(x, ("with",))]
            if trig.type in JOINT_TYPES:
                joint_t = joint_t + [t for o in objects for t in args.demonym_modifiers(o)]
        sources = self._mentions(src_t, offset, trig.type)
        tgt_t = [t for t in tgt_t if t.lower_ not in REFLEXIVES]     # "defending themselves": no other party
        targets = [m for m in self._mentions(tgt_t, offset) if m.key not in {s.key for s in sources}]
        if trig.type == "RETREAT" and sources:      # "withdrew its troops": one's own forces are no target
            targets = [m for m in targets if m.country not in {s.country for s in sources}]
        if not targets and not found.is_noun:
            targets = [m for m in self._mentions(args.object_owners(tok, trig.type), offset)
                       if m.key not in {s.key for s in sources}]
        if found.is_noun and not targets:
            targets = [m for m in self._mentions(args.receivers(tok), offset) if m.key not in {s.key for s in sources}]
        joint = self._mentions(joint_t, offset)
        mode, cameo = trig.mode, trig.cameo
        if trig.type in JOINT_TYPES and joint:
            sources = sources + [j for j in joint if j.key not in {s.key for s in sources}]
            targets = [] if trig.type != "CONSULT" or not sources else targets
        if trig.type == "MOBILIZE" and not sources and targets:
            sources, targets = targets, []       # the forces deployed are the party mobilising
        sponsored: list[ActorMention] = []
        if trig.type == "MOBILIZE" and sources and targets:
            # the forces a party mobilises act with it ("Iran mobilised Shi'ite militias"); a state
            # that mobilises forces not its own organises them as a government
            moved = [m for m in targets if m.sector in ARMED_SECTORS]
            targets = [m for m in targets if m not in moved]
            # its own troops and fighters are the mobilising party itself; militias it raises are others
            moved = [m for m in moved if m.text.lower().split()[-1].rstrip("s") not in word_set("own forces")]
            sponsored = [m for m in sources if m.kind == "state" and any(f.country != m.country for f in moved)]
            sources = sources + [m for m in moved if m.key not in {s.key for s in sources}]
        if trig.type == "PROTEST":
            sources = [as_people(m, self.lex) for m in sources]
        if trig.type in FORCE_TYPES:
            sources = [m if m in sponsored else as_force(m, self.lex) for m in sources]
            codes: set[tuple[str | None, str | None]] = set()
            sources = [m for m in sources if not ((m.country, m.sector) in codes or codes.add((m.country, m.sector)))]
            # force is used against others: a target coded as the attacker itself ("soldiers were
            # killed in an Israeli strike", the soldiers' country only guessed from context) is no target
            targets = [m for m in targets if (m.country, m.sector) not in {(s.country, s.sector) for s in sources}]
            mode = mode or weapon_mode(tok)
        if trig.type == "MOBILIZE" and sources and all(m.kind != "person" for m in sources):
            mode = self._mobilize_mode(tok, sources, mode)
        speaker = speaker_for(tok, span)
        places, local = self._places(tok, sent, offset, src_t, trig.type)
        sides = found.is_noun or any(noun_key(t, self.triggers) for t in src_t if t.pos_ == "NOUN")
        return Draft(found, sent, sources, targets, places, speaker, mode, cameo,
                     fatalities=fatalities_of(tok) if trig.type == "ASSAULT" else None, local_place=local,
                     sides=sides)

    def _seat_of_power(self, place: Place) -> bool:
        """A country or a capital: the names that stand for a government ("Moscow says")."""
        return place.feature == "country" or self.lex.capital_country(place.mention) is not None

    def _reported_noun(self, tok: Token) -> bool:
        """An event noun is reported as an event unless it only names a topic: the object of a
        verb that is neither a light verb nor an event, with no party of its own ("reshaped the
        war"), or part of a named historical period ("the Cold War")."""
        if tok.ent_type_ in ("EVENT", "WORK_OF_ART", "LAW"):
            return False
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return False          # "no attacks were reported": the reporter's negation names no act
        head = tok.head
        if tok.dep_ == "dobj" and head.pos_ == "VERB" and not self.triggers.for_verb(head.lemma_) \
                and head.lemma_.lower() not in word_set("light"):
            if tok.lemma_.lower() in word_set("era"):
                return False      # "an intervention that has reshaped the Syrian war": the war as a whole
            own = [c for c in tok.children if c.dep_ in ("poss", "prep", "amod", "compound")
                   and (c.dep_ != "amod" or c.ent_type_ in ("NORP", "GPE"))]
            return bool(own)
        return True

    def _mobilize_mode(self, tok: Token, sources: list[ActorMention], mode: str | None) -> str | None:
        words = {t.lemma_.lower() for t in tok.subtree} | {t.lemma_.lower() for t in tok.head.subtree
                                                           if tok.dep_ in ("acl", "relcl")}
        if words & word_set("force") and not words & {"troops", "troop", "soldier", "forces"}:
            return "weapons"
        if any(m.sector in ("REB", "INS") or (m.kind == "group" and m.sector not in ("MIL", "COP", "GOV"))
               for m in sources):                     # a state's forces, even counted ("two navies"), are no militia
            return "militia"
        return mode

    def _places(self, tok: Token, sent: Sentence, offset: int, subject_tokens: list[Token],
                event_type: str) -> tuple[list[Place], bool]:
        in_sentence = place_at(self.resolved.places, sent.start, sent.end)
        if not in_sentence:
            return [], False

        def inside(place: Place, node: Token) -> bool:
            lo = offset + node.left_edge.idx
            hi = offset + node.right_edge.idx + len(node.right_edge.text)
            return any(lo <= s and e <= hi for s, e in place.spans)

        def in_phrase(place: Place, node: Token) -> bool:
            """Inside the noun phrase itself ("warships in the Caspian Sea"), not its clauses."""
            chars: set[int] = set()
            stack = [node]
            while stack:
                t = stack.pop()
                chars.add(offset + t.idx)
                stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos"))
            return any(s in chars for s, _ in place.spans)

        doc = tok.doc
        roles = {p.id: place_role(doc, p, offset) for p in in_sentence}
        # a capital or country that speaks or acts ("Moscow says") is a party, not a place
        # and so is one a relation is named with ("an ally of Damascus", "ties with Tehran")
        excluded = [p for p in in_sentence if any(in_phrase(p, s) for s in subject_tokens)
                    or (roles[p.id] in ("nsubj", "poss") and self._seat_of_power(p))
                    or (roles[p.id] == "pobj" and self._seat_of_power(p)
                        and place_prepositions(doc, p, offset) & PARTY_PREPS)]
        local = [p for p in in_sentence if inside(p, tok) and p not in excluded]
        if not local and tok.head.i != tok.i and tok.dep_ in ("dobj", "pobj"):
            # an event named as an object takes the place its verb gives ("launched strikes in X")
            local = [p for p in in_sentence if inside(p, tok.head) and p not in excluded
                     and roles[p.id] == "locative"]
        if local:
            return local, True
        rest = [p for p in in_sentence if p not in excluded]
        located = [p for p in rest if roles[p.id] == "locative"]
        return (located or rest)[:1], False

    # ---- assembling records ---------------------------------------------------------------------
    def events(self) -> list[Event]:
        annotated = self.resolved.annotated
        drafts = retold_details(meeting_parties(dedupe(self.drafts())))
        self.holders = presence_holders(self.resolved, self.parties.resolve)
        times: list[TimeSpan] = []
        # "Then, ..." continues the story line: the time of the latest dated event of the same
        # kind, else of any kind, is what a connective carries over
        latest: TimeSpan | None = None
        latest_of: dict[str, TimeSpan] = {}
        for draft in drafts:
            tok = draft.found.token
            kind = draft.found.trigger.type
            t_start = annotated.parsed[draft.sentence.block].offset + tok.idx
            when = event_time(annotated, self.resolved.times, draft.sentence.index, t_start,
                              t_start + len(tok.text), latest_of.get(kind, latest))
            if when.start or when.end:
                latest = latest_of[kind] = when
            times.append(when)
        times = retold_times(drafts, times)
        events: list[Event] = []
        for draft, when in zip(drafts, times):
            for place in self._expand_places(draft):
                events.append(self._event(draft, place, when, len(events) + 1))
        return events

    def _expand_places(self, draft: Draft) -> list[Place | None]:
        kind = draft.found.trigger.type
        places = draft.places
        multi = [p for p in places if p.feature in ("city", "admin1")]
        if kind in MATERIAL_TYPES and len(multi) > 1 and not draft.found.is_noun:
            return list(multi)
        if places:
            return [most_specific(places)]
        if kind in MATERIAL_TYPES and self.focus_place is not None:
            return [self.focus_place]
        return [None]

    def _event(self, draft: Draft, place: Place | None, when: TimeSpan, n: int) -> Event:
        trig = draft.found.trigger
        sources, targets, mode, cameo = draft.sources, draft.targets, draft.mode, draft.cameo
        if trig.type == "CONSULT" and place is not None and draft.local_place and not targets and sources \
                and len({s.country for s in sources}) == 1:
            host = host_state(place.country, self.lex, draft.sentence.start, draft.sentence.start, place.mention)
            if host is not None and all(s.country != host.country for s in sources):
                targets, mode, cameo = [host], "visit", "042"
        if trig.type == "COERCE" and cameo == "192" and not targets and sources \
                and all(m.sector in ("REB", "INS") for m in sources):
            # ground an armed opposition takes, unless the text says otherwise, it takes from
            # the state's forces
            state = next((m.country for m in sources if m.country), None) or self.ctx.focus
            if state and state in self.lex.states:
                targets = [as_force(host_state(self.lex.states[state].iso2, self.lex, draft.sentence.start,
                                               draft.sentence.start, self.lex.states[state].name), self.lex)]
        if trig.type == "ASSAULT" and not targets:
            holder = holder_of(place, self.holders)     # strikes on ground the text says X holds
            if holder is not None and holder.key not in {m.key for m in sources}:
                targets = [holder]
        speaker_party, said = False, None
        if draft.speaker is not None:
            said = self.parties.resolve(draft.speaker.head, self._offset(draft))
            keys = {m.key for m in sources + targets}
            countries = {m.country for m in sources + targets if m.country}
            # a party speaks for itself, and a government for its own forces and officials
            speaker_party = said is not None and (said.key in keys or (
                said.country in countries and (said.kind == "state" or said.sector in ("GOV", "MIL"))))
        status = status_of(draft.found.token, trig.type == "AGREE", speaker_party)
        coding = recast(Coding(trig.type, mode, cameo, status, sources, targets), draft.found.token,
                        trig.lemma, said, quoted=draft.speaker is not None)
        event_type, mode, cameo, status = coding.type, coding.mode, coding.cameo, coding.status
        sources, targets = coding.sources, coding.targets
        if trig.type == "ASSAULT" and cameo == "190" and mode in ("aerial", "drone", "heavy-weapons"):
            cameo = "195"                    # CAMEO 195: employ aerial weapons (incl. missiles)
        return Event(
            id=f"e{n}", type=event_type, mode=mode, cameo=cameo, acled=acled_type(event_type, mode),
            source=[self.registry.get(m).id for m in sources],
            target=[self.registry.get(m).id for m in targets],
            place=place.id if place is not None else None, when=when,
            sentence=draft.sentence.text, span=(draft.sentence.start, draft.sentence.end),
            attribution=draft.speaker.text if draft.speaker else "reporter", status=status,
            fatalities=draft.fatalities,
            evidence={"trigger": draft.found.token.text, "lemma": trig.lemma, "rule": trig.source,
                      "trigger_span": [self._offset(draft) + draft.found.token.idx,
                                       self._offset(draft) + draft.found.token.idx + len(draft.found.token.text)]})

    def _offset(self, draft: Draft) -> int:
        return self.resolved.annotated.parsed[draft.sentence.block].offset

