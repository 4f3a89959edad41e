"""Who did it and to whom: sources and targets of a trigger from the dependency parse."""
from __future__ import annotations

from typing import Any

from dateline.coding.lexicon import load_triggers, measure_of, word_set

Token = Any
SUBJ = ("nsubj", "nsubjpass", "csubj")
TARGET_PREPS = ("against", "on", "into", "upon")
FORCE_PREPS = TARGET_PREPS + ("at",)
JOINT_PREPS = ("with", "between", "alongside")
FROM_TARGET_TYPES = {"COERCE", "RETREAT", "SANCTION"}     # "seized weapons from X", "withdrew from X"
NO_OBJECT_OWNER_TYPES = {"MOBILIZE", "CONSULT", "AGREE", "COOPERATE"}


def conjuncts(token: Token) -> list[Token]:
    """The token and every noun coordinated with it ("Iran, Russia and Hezbollah")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" or _listed_apposition(child):
            out.extend(conjuncts(child))
    return out


def _listed_apposition(child: Token) -> bool:
    """"The US, Russia, and Switzerland": the parser can hang the list's middle name as an
    apposition of the first; a named state or organisation that heads the rest of the list."""
    return (child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ in ("GPE", "ORG", "NORP")
            and any(c.dep_ == "conj" for c in child.children))


def _pobjs(prep: Token) -> list[Token]:
    return [c2 for c in prep.children if c.dep_ == "pobj" for c2 in conjuncts(c)]


def verb_subjects(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Subject tokens of a verb, following control and coordination; (tokens, passive)."""
    if depth > 6:
        return [], False
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _relative(child, conjuncts(child)), False
        if child.dep_ == "nsubjpass":
            return _relative(child, conjuncts(child)), True
    head = verb.head
    if head.i == verb.i:
        return [], False
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        objs = [c for c in head.head.children if c.dep_ == "dobj"]
        if head.lower_ in ("from", "of") and objs:      # "prevented X from doing", "accused X of doing"
            return conjuncts(objs[0]), False
        return verb_subjects(head.head, depth + 1)
    if verb.dep_ in ("acl", "xcomp") and head.pos_ == "NOUN" and verb.tag_ != "VBN":
        owners = [c for c in head.children if c.dep_ in ("poss", "amod") and
                  (c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE"))]
        if owners:
            return owners, False
    if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
        return verb_subjects(head, depth + 1)      # "Norway is willing to send": the copula's subject
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.dep_ != "ccomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if verb.dep_ == "xcomp" and objs and head.lemma_ in ("send", "ask", "urge", "order", "tell", "invite"):
            return conjuncts(objs[0]), False
        return verb_subjects(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return verb_subjects(head, depth + 1)
    if verb.dep_ == "acl" and head.lemma_.lower() in word_set("utterance") and head.dep_ == "dobj":
        return verb_subjects(head.head, depth + 1)     # "adopted a resolution demanding ...": its authors
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if verb.tag_ == "VBN":
            return [head], True
        return [head], False
    return [], False


def _relative(subject: Token, tokens: list[Token]) -> list[Token]:
    """A relative pronoun subject ("that", "who") stands for the noun its clause modifies."""
    if subject.lower_ in ("that", "which", "who") and subject.head.dep_ == "relcl":
        return [subject.head.head]
    return tokens


def agent_of(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "agent":
            return [t for c in child.children if c.dep_ == "pobj" for t in conjuncts(c)]
    return []


def verb_objects(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return conjuncts(child)
    return raised_subjects(verb)


def raised_clause(verb: Token) -> Token | None:
    """The infinitive clause with its own subject that a verb governs ("allowed the opposition to
    hold a rally", "wants Putin to attack"): the parser hangs it as a ccomp whose subject is the
    verb's logical object."""
    for child in verb.children:
        if child.dep_ == "ccomp" and (child.tag_ == "VB" or any(c.dep_ == "aux" and c.tag_ == "TO"
                                                               for c in child.children)) \
                and any(c.dep_ == "nsubj" for c in child.children):      # "to do", or bare "helped X retake"
            return child
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children) \
                and any(c.dep_ == "nsubj" for c in child.children):      # "called for the minister to resign"
            return child
    return None


def raised_subjects(verb: Token) -> list[Token]:
    """The logical object of "allow/want/ask X to do": the subject of its infinitive clause."""
    clause = raised_clause(verb)
    if clause is None:
        return []
    return [t for c in clause.children if c.dep_ == "nsubj" for t in conjuncts(c)]


def companions(verb: Token, subjects: list[Token]) -> list[Token]:
    """Parties who act with the subject: "Hezbollah fighters mobilised, along with Iraqi
    militias", "X, together with Y, attacked", "fought alongside the army"."""
    out: list[Token] = []
    nodes = [verb, *subjects]
    if verb.dep_ in ("relcl", "acl"):          # "fighters from the group Hezbollah mobilised, along with"
        noun = verb.head
        nodes.append(noun)
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            nodes.append(noun.head.head)
    for node in nodes:
        for child in node.children:
            if child.lower_ in ("along", "together") and child.dep_ in ("advmod", "prep"):
                out += prep_objects(child, ("with",))
            elif child.dep_ == "prep" and child.lower_ == "alongside":
                out += _pobjs(child)
    return [t for tok in out for t in conjuncts(tok)]


def prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(_pobjs(child))
    return out


def recipients(verb: Token) -> list[Token]:
    """Who receives: "gave X to Y", with "to Y" on the verb or on its object."""
    out = prep_objects(verb, ("to",))
    for obj in verb_objects(verb):
        out += prep_objects(obj, ("to",))
    return out


def object_targets(verb: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
    """Targets named on the object of a light or transfer verb ("imposed sanctions on X",
    "launched an attack against Y", "broke off relations with Z")."""
    out: list[Token] = []
    for obj in verb_objects(verb):
        out += prep_objects(obj, preps)
    return out


def threatened_parties(verb: Token) -> list[Token]:
    """Whom a threat is against: the parties of the act threatened ("threatened to break off
    relations with Congo", "threatened to expel the inspectors")."""
    out: list[Token] = []
    for clause in (c for c in verb.children if c.dep_ == "xcomp"):
        out += verb_objects(clause) + prep_objects(clause, TARGET_PREPS + ("with", "to"))
        out += object_targets(clause, TARGET_PREPS + ("with", "to"))
    return out


def weapon_firer(token: Token) -> list[Token] | None:
    """For a weapon noun that is the object of a verb ("fired missiles"), the verb's subject."""
    if token.lemma_.lower() in word_set("weapon") and token.dep_ in ("dobj", "pobj"):
        verb = token.head if token.dep_ == "dobj" else token.head.head
        if verb.pos_ in ("VERB", "AUX"):
            subjects, passive = verb_subjects(verb)
            if not passive:
                return subjects
    return None


def is_role_word(token: Token) -> bool:
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    lex = load_actor_lexicon()
    return lex.role(token.lemma_) is not None or lex.role(token.text) is not None


def demonym_modifiers(noun: Token) -> list[Token]:
    """Demonyms among a noun's left modifiers, hyphenated pairs included ("an Iranian-Russian alliance")."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    lex = load_actor_lexicon()
    out: list[Token] = []
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("amod", "compound", "nmod"):
            out += [t for t in child.subtree if t.ent_type_ == "NORP" or lex.demonym_country(t.text)]
    return out


OF_PATIENT_TYPES = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "SUPPORT", "ACCUSE", "REJECT", "CONCEDE", "THREATEN"}
JOINT_KINDS = {"CONSULT", "AGREE", "COOPERATE", "MOBILIZE", "PROTEST"}


def owner_modifiers(noun: Token) -> list[Token]:
    """Whose a weapon or platform is, from its left modifiers: demonyms and state names
    ("U.S. and British warships", "Russian missiles")."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    lex = load_actor_lexicon()
    out = demonym_modifiers(noun)
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("amod", "compound", "nmod"):
            out += [t for t in child.subtree if t not in out and t.pos_ == "PROPN" and lex.state_for(t.text)]
    return out


def noun_parties(noun: Token, doer_noun: bool = True, kind: str | None = None
                 ) -> tuple[list[Token], list[Token], list[Token]]:
    """(sources, targets, joint parties) of an event noun from its own modifiers.

    A place-name compound is a party for acts done by someone ("US strikes") but the
    location for meetings and deployments ("a Moscow meeting", "the Syria deployment")."""
    sources: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            sources.extend(conjuncts(child))
        elif child.dep_ in ("amod", "compound") and child.ent_type_ == "ORG":
            sources.append(child)
        elif child.dep_ in ("amod", "compound") and child.i < noun.i and child.tag_.startswith("NN") \
                and is_role_word(child):
            sources.append(child)              # "rebel advances", "army offensive", "police raids"
        elif child.dep_ == "compound" and child.ent_type_ == "GPE" and doer_noun:
            sources.append(child)
    sources += [t for t in demonym_modifiers(noun) if t not in sources]
    targets = prep_objects(noun, TARGET_PREPS)
    if kind in FROM_TARGET_TYPES:
        sources += prep_objects(noun, ("by",))
        targets += prep_objects(noun, ("from",))              # "the withdrawal of forces from Panama"
    else:
        sources += prep_objects(noun, ("by", "from"))      # "a request from Assad", "aid from Japan"
    for obj in prep_objects(noun, ("of",)):
        if noun.lemma_.lower() in word_set("of_doer") and not (
                kind in OF_PATIENT_TYPES and obj.ent_type_ in ("GPE", "LOC", "FAC")):
            sources.append(obj)                               # "the arrival of Iranian forces"
        elif kind in OF_PATIENT_TYPES:
            targets.append(obj)                               # "the invasion of Lebanon", "the release of X"
        if kind is not None and kind not in JOINT_KINDS:
            targets += prep_objects(obj, ("with",))           # "a suspension of air links with Serbia"
    if kind in ("AID", "AGREE"):        # "the provision of Russian weapons to the Syrian army"
        given = prep_objects(noun, ("of",))
        targets += prep_objects(noun, ("to",)) + [t for obj in given for t in prep_objects(obj, ("to",))]
        if noun.dep_ == "dobj":       # the parser often hangs "to the army" on the verb
            targets += [t for t in prep_objects(noun.head, ("to",)) if t not in targets]
        sources += [t for obj in given for t in owner_modifiers(obj) if t not in sources]
    joint = prep_objects(noun, ("between", "with", "among"))
    if not joint:
        measure = measure_of(noun)
        joint = prep_objects(measure, ("between", "among")) if measure is not None else []
    if kind is not None and kind not in JOINT_KINDS:
        targets += prep_objects(noun, ("with",))              # "a suspension of air links with Serbia"
        joint = prep_objects(noun, ("between", "among"))
    return sources, targets, joint


def governing_subjects(noun: Token) -> list[Token]:
    """The subject of the verb an event noun hangs from ("X began mounting air strikes", "At a meeting, X...")."""
    head = noun.head
    while noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.dep_ in ("dobj", "nsubj", "nsubjpass"):
        noun, head = head.head, head.head.head   # "launched ten days of war games": the measure's verb
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        node, head = head, head.head          # "at a meeting": the preposition hangs from the verb
    else:
        node = noun
    if head.i == node.i or head.pos_ not in ("VERB", "AUX"):
        return []
    if head.lemma_.lower() in word_set("speech") and head.lemma_.lower() not in word_set("declare"):
        return []                             # "residents reported air strikes": the reporter is not the doer,
                                              # but "Italy announced a suspension of air links" is Italy's act
    if head.lemma_.lower() in word_set("receive"):
        return []                             # "received assurances from X": the receiver is no doer
    if node.dep_ == "prep" and node.lower_ in ("against", "over", "about", "for", "after", "before",
                                               "despite", "following", "since"):
        return []                             # "protested against the attack": what one reacts to is another's act
    if node.dep_ == "dobj" and head.lemma_.lower() not in word_set("light") and _is_event_verb(head):
        return []                             # "Britain condemned the attack": the condemner did not attack
    if node.dep_ in ("dobj", "prep", "npadvmod", "attr") or head.lemma_.lower() in word_set("light"):
        subjects, passive = verb_subjects(head)
        return [] if passive else subjects
    return []


def _is_event_verb(verb: Token) -> bool:
    """The verb names an act of its own here: one of its lexicon rows holds on this clause
    ("condemned the attack"), not only on others ("stop the attacks" is no act of stopping)."""
    objs = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}
    subjs = {c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj"}
    return any(t.type != "NONE" and t.holds(verb, objs, subjs) for t in load_triggers().for_verb(verb.lemma_))


def receivers(noun: Token) -> list[Token]:
    """Who receives what an event noun names ("demonstrators received assurances from the
    government", "Ukraine won pledges of aid")."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in word_set("receive"):
        subjects, passive = verb_subjects(head)
        return [] if passive else subjects
    return []


def event_noun_in(verb: Token) -> list[Token]:
    """Event nouns a passive act happened in ("were killed in Israeli tank shelling")."""
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")
            for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]



def object_owners(verb: Token, kind: str) -> list[Token]:
    """Who an act is done to when its object names no party, only something of theirs:
    "praised Pakistan's decision", "rejected the Egyptian proposal", "accepted demands from the
    rebels"; for seizures, withdrawals and cuts, whom it was taken from ("seized weapons from
    armed groups", "withdrew from Lebanon"); for aid, whom it is for ("aid for Romania")."""
    if kind in NO_OBJECT_OWNER_TYPES:
        return []
    out: list[Token] = []
    subjects, passive = verb_subjects(verb)
    patients = subjects if passive else verb_objects(verb) + prep_objects(verb, ("to",))
    for obj in patients:
        out += prep_objects(obj, TARGET_PREPS)               # "evidence against Russia was presented"
        out += [c for c in obj.children if c.dep_ == "poss"]
        out += demonym_modifiers(obj)
        out += prep_objects(obj, ("from", "by") + (("for",) if kind == "AID" else ()))
    if kind in FROM_TARGET_TYPES:
        out += prep_objects(verb, ("from",))
    if kind == "AID":
        out += prep_objects(verb, ("for",))
    return out
