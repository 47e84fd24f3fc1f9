"""Small hand-made Dutch word lists that stand in for a parser in the default tier.

They are deliberately short: closed word classes (articles, pronouns, prepositions, conjunctions, auxiliaries)
are small, so a list covers them well. Everything not on these lists counts as a content word.
"""

from __future__ import annotations

__all__ = [
    "ABSTRACT_SUFFIXES",
    "FINITE_VERBS",
    "CLAUSE_COORDINATORS",
    "FUNCTION_WORDS",
    "RELATIVE_WORDS",
    "SUBORDINATORS",
]

_ARTICLES_AND_PRONOUNS = """
de het een 't 'n ik jij je u hij zij ze wij we jullie zich mij me jou hem haar ons hun hen mijn jouw uw zijn
onze ons hun hunne mezelf jezelf uzelf zichzelf onszelf elkaar dit dat deze die wie wat welk welke iets niets
iemand niemand alles allemaal elk elke ieder iedere iedereen alle sommige enkele veel weinig meer minder meest
minst geen er hier daar waar ergens nergens overal zo zulk zulke ander andere beide
"""
_PREPOSITIONS = """
aan achter af bij binnen boven buiten door in langs met na naar naast om onder op over per sinds te tegen tot
tussen uit van vanaf vanuit via voor zonder rond rondom omtrent inzake volgens gedurende tijdens wegens
vanwege ondanks middels betreffende behalve jegens nabij richting
"""
_CONJUNCTIONS = """
en of maar want dus noch dat omdat als wanneer terwijl hoewel zodat doordat nadat voordat totdat indien tenzij
zodra opdat alsof ofschoon mits aangezien daar zoals dan
"""
_AUXILIARIES = """
ben bent is zijn was waren geweest wezen heb hebt heeft hebben had hadden gehad word wordt worden werd werden
geworden zal zult zullen zou zouden kan kunt kunnen kon konden moet moeten moest moesten mag mogen mocht
mochten wil wilt willen wilde wilden laat laten liet lieten gaat gaan ging gingen doe doet doen deed deden
"""
_ADVERBS_AND_PARTICLES = """
niet wel ook nog al toch maar eens even zeer heel erg te dan toen nu straks later eerst daarna dadelijk
meteen echter namelijk immers dus daarom daardoor hierdoor daarbij hierbij daarmee hiermee daarvan hiervan
daarin hierin daarop hierop daarover hierover daarvoor hiervoor ja nee misschien zelfs alleen steeds vaak
soms nooit altijd weer ongeveer bijna juist ook
"""

FUNCTION_WORDS: frozenset[str] = frozenset(
    (_ARTICLES_AND_PRONOUNS + _PREPOSITIONS + _CONJUNCTIONS + _AUXILIARIES + _ADVERBS_AND_PARTICLES).split()
)

# Words that open a subordinate clause: each one adds a clause (and thus usually a finite verb).
SUBORDINATORS: frozenset[str] = frozenset(
    """
    omdat wanneer terwijl hoewel zodat doordat nadat voordat totdat indien tenzij zodra opdat alsof ofschoon mits
    aangezien zolang sinds waardoor waarin waarop waarmee waarvan waarover waarbij waarna waaruit waarvoor waaraan
    waarnaar waartoe waarom hetgeen
    """.split()
)
# Words that open a clause only after a comma ("het huis, dat ..." / "..., die ...").
RELATIVE_WORDS: frozenset[str] = frozenset(["dat", "die", "wie", "wat", "welke", "waar", "als", "of"])
# Coordinators that start a new main clause often enough to count.
CLAUSE_COORDINATORS: frozenset[str] = frozenset(["want", "maar", "dus", "en", "of"])

# Suffixes of abstract nouns (-heid, -ing, ...): a cheap stand-in for LiNT's concreteness of nouns.
ABSTRACT_SUFFIXES: tuple[str, ...] = tuple(
    """
    heid heden ing ingen isme atie aties iteit iteiten schap schappen nis nissen sie tie ties ment menten aal ief
    teit dom ncie ntie gie logie ceit
    """.split()
)

# Frequent finite verb forms (auxiliaries and verbs simplemma maps poorly). Other finite verbs are recognised by
# their lemma: an inflected form whose lemma is an infinitive ("woont" -> "wonen").
FINITE_VERBS: frozenset[str] = frozenset(
    """
    is ben bent was waren heeft hebt heb had hadden wordt word werd werden zal zult zullen zou zouden kan kunt kon
    konden moet moest moesten mag mocht mochten wil wilt wilde wilden gaat ging gingen komt kwam kwamen staat stond
    stonden ligt lag lagen zit zat zei zeiden doet deed deden laat liet blijkt bleek blijft bleef krijgt kreeg
    kregen geeft gaf gaven hoort weet wist vindt vond houdt hield
    """.split()
)
