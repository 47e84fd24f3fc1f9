"""Dutch verb forms: from a form back to its infinitive, and from an infinitive to the form a sentence needs.

The project's one inflection module. Weak verbs follow the spelling rules ('t kofschip, open and closed
syllables, v/z becoming f/s at the end of the stem); strong and irregular verbs come from the table below.
A prefixed verb takes the forms of its base: 'verkrijgen' inflects like 'krijgen' without 'ge-' in the
participle ('verkregen'), 'aanvangen' like 'vangen' with its particle in front ('aangevangen', 'aan te vangen')
or, in a main clause, split off ('ving ... aan').

Separable verbs are written with a bar between particle and verb ('plaats|vinden', 'in kennis|stellen'; a space
before the bar when the two are written apart: 'kenbaar |maken') when the prefix alone does not tell (over-,
onder-, voor- can go both ways); the separable prefixes ('aan', 'af', 'in', 'op', 'toe', 'uit', ...) are
recognised without one.

Tags name the forms: "inf" (verstrekken), "te" (te verstrekken), "1" (ik verstrek), "2" (u/jij verstrekt),
"3" (hij verstrekt), "pl" (wij verstrekken), "past" (verstrekte), "pastpl" (verstrekten), "part" (verstrekt).
"""

from __future__ import annotations

from functools import cache

__all__ = [
    "TAGS",
    "conjugate",
    "forms",
    "infinitive_of",
    "parse",
    "participle",
    "past",
    "present",
    "register",
    "stem",
    "te_infinitive",
]

TAGS: tuple[str, ...] = ("inf", "te", "1", "2", "3", "pl", "past", "pastpl", "part")

# infinitive, past singular, past plural, participle: strong, mixed and irregular verbs (base verbs only; a
# prefixed verb such as 'ontvangen' or 'toezenden' inflects through its base).
_STRONG_TABLE = """
bakken bakte bakten gebakken
beginnen begon begonnen begonnen
bergen borg borgen geborgen
bevelen beval bevalen bevolen
bidden bad baden gebeden
bieden bood boden geboden
bijten beet beten gebeten
binden bond bonden gebonden
blijken bleek bleken gebleken
blijven bleef bleven gebleven
breken brak braken gebroken
brengen bracht brachten gebracht
buigen boog bogen gebogen
denken dacht dachten gedacht
doen deed deden gedaan
dragen droeg droegen gedragen
drijven dreef dreven gedreven
dringen drong drongen gedrongen
drinken dronk dronken gedronken
dwingen dwong dwongen gedwongen
eten at aten gegeten
gaan ging gingen gegaan
gelden gold golden gegolden
gelijken geleek geleken geleken
genieten genoot genoten genoten
geven gaf gaven gegeven
glijden gleed gleden gegleden
grijpen greep grepen gegrepen
hangen hing hingen gehangen
hebben had hadden gehad
heffen hief hieven geheven
helpen hielp hielpen geholpen
heten heette heetten geheten
houden hield hielden gehouden
jagen joeg joegen gejaagd
kiezen koos kozen gekozen
kijken keek keken gekeken
klimmen klom klommen geklommen
klinken klonk klonken geklonken
komen kwam kwamen gekomen
kopen kocht kochten gekocht
krijgen kreeg kregen gekregen
kruipen kroop kropen gekropen
kunnen kon konden gekund
laden laadde laadden geladen
laten liet lieten gelaten
lezen las lazen gelezen
liggen lag lagen gelegen
lijden leed leden geleden
lijken leek leken geleken
lopen liep liepen gelopen
malen maalde maalden gemalen
meten mat maten gemeten
mijden meed meden gemeden
moeten moest moesten gemoeten
mogen mocht mochten gemogen
nemen nam namen genomen
prijzen prees prezen geprezen
raden raadde raadden geraden
rijden reed reden gereden
rijzen rees rezen gerezen
roepen riep riepen geroepen
ruiken rook roken geroken
scheiden scheidde scheidden gescheiden
schenken schonk schonken geschonken
schieten schoot schoten geschoten
schijnen scheen schenen geschenen
schrijven schreef schreven geschreven
schrikken schrok schrokken geschrokken
schuiven schoof schoven geschoven
slaan sloeg sloegen geslagen
slapen sliep sliepen geslapen
sluiten sloot sloten gesloten
snijden sneed sneden gesneden
spreken sprak spraken gesproken
springen sprong sprongen gesprongen
staan stond stonden gestaan
steken stak staken gestoken
stelen stal stalen gestolen
sterven stierf stierven gestorven
strijden streed streden gestreden
treden trad traden getreden
treffen trof troffen getroffen
trekken trok trokken getrokken
vallen viel vielen gevallen
vangen ving vingen gevangen
varen voer voeren gevaren
vechten vocht vochten gevochten
vergeten vergat vergaten vergeten
verliezen verloor verloren verloren
vinden vond vonden gevonden
vliegen vloog vlogen gevlogen
vragen vroeg vroegen gevraagd
vriezen vroor vroren gevroren
wassen waste wasten gewassen
wegen woog wogen gewogen
werpen wierp wierpen geworpen
werven wierf wierven geworven
weten wist wisten geweten
wijken week weken geweken
wijzen wees wezen gewezen
willen wilde wilden gewild
winnen won wonnen gewonnen
worden werd werden geworden
zeggen zei zeiden gezegd
zenden zond zonden gezonden
zien zag zagen gezien
zijn was waren geweest
zingen zong zongen gezongen
zitten zat zaten gezeten
zoeken zocht zochten gezocht
zullen zou zouden -
zwijgen zweeg zwegen gezwegen
"""

_STRONG: dict[str, tuple[str, str, str]] = {
    line.split()[0]: (line.split()[1], line.split()[2], line.split()[3]) for line in _STRONG_TABLE.strip().splitlines()
}

# Present forms that the spelling rules do not give: ik, u/jij, hij (the plural is the infinitive).
_PRESENT: dict[str, tuple[str, str, str]] = {
    "zijn": ("ben", "bent", "is"),
    "hebben": ("heb", "hebt", "heeft"),
    "kunnen": ("kan", "kunt", "kan"),
    "mogen": ("mag", "mag", "mag"),
    "willen": ("wil", "wilt", "wil"),
    "zullen": ("zal", "zult", "zal"),
    "komen": ("kom", "komt", "komt"),
    "gaan": ("ga", "gaat", "gaat"),
    "staan": ("sta", "staat", "staat"),
    "slaan": ("sla", "slaat", "slaat"),
    "doen": ("doe", "doet", "doet"),
    "zien": ("zie", "ziet", "ziet"),
}

# Prefixes that never split off and take no 'ge-' in the participle.
_INSEPARABLE = ("be", "ge", "er", "her", "ont", "ver")
# Prefixes that split off ('vangt ... aan'). 'door' and 'om' mostly do; the ambiguous ones that mostly do not
# (over, onder, voor, achter, mis, vol, weer) need a bar in the infinitive to be read as separable.
_SEPARABLE = (
    "aan", "af", "bij", "binnen", "in", "mee", "na", "neer", "op", "samen", "tegen", "terug", "toe", "uit",
    "vast", "weg", "voort", "teweeg", "tot", "open", "dicht", "kwijt", "vrij", "los", "plaats", "deel", "gade",
    "door", "om", "goed", "stil",
)  # fmt: skip
_SEPARABLE_LONGEST_FIRST = tuple(sorted(_SEPARABLE, key=len, reverse=True))

# Weak verbs in -eren/-elen/-enen whose last syllable has a mute e: the stem keeps its short form ('lever').
# Loan verbs in -eren ('retourneren') stress the last syllable and double the vowel ('retourneer'); that is the
# default for -eren, so native -eren verbs are listed here. A listed verb also covers its compounds
# ('aanleveren', 'invorderen').
_MUTE_E = frozenset(
    """
    leveren veranderen verbeteren herinneren verzekeren luisteren bewonderen hinderen verhinderen vorderen
    verminderen vergaderen bevorderen weigeren belemmeren ergeren verergeren schilderen plunderen opperen
    slingeren offeren timmeren schemeren sluimeren vermageren verhongeren verouderen ouderen ijveren
    wandelen handelen behandelen onderhandelen ontwikkelen bemiddelen twijfelen stapelen wisselen aarzelen
    regelen verzamelen openen rekenen tekenen ondertekenen ademen oefenen
    """.split()
)
# Weak verbs whose -elen/-enen syllable is stressed although a vowel comes before it ('beoordelen').
_STRESSED_TAILS = ("delen", "spelen", "stelen", "telen", "lenen", "menen", "wenen", "verlenen")
# Verbs that start like a prefix but have none ('verifiëren' -> 'geverifieerd').
_NOT_PREFIXED = frozenset({"verifiëren", "verbaliseren", "genereren", "ergeren", "erven", "eren", "beneficiëren"})
_PREFIXES_OF_STRONG = ("be", "ge", "er", "her", "ont", "ver", "onder", "over", "achter", "mis", "vol", "voor", "weer")

_VOWELS = frozenset("aeiouyáéíóúäëïöüàèìòù")
_KOFSCHIP = frozenset("tkfschpx")
_REGISTERED: set[str] = set()


def _split(infinitive: str) -> tuple[str, str, bool]:
    """(particle, base verb, inseparable prefix?) of an infinitive; the particle is '' for an unsplit verb."""
    if "|" in infinitive:
        particle, base = infinitive.split("|", 1)
        return (particle.strip() + " " if particle.endswith(" ") else particle), base.strip(), False
    if infinitive in _STRONG or infinitive in _PRESENT:
        return "", infinitive, False
    for prefix in _SEPARABLE_LONGEST_FIRST:
        rest = infinitive[len(prefix) :]
        if infinitive.startswith(prefix) and len(rest) >= 4 and _has_vowel(rest[:-2]) and not _unknown_loan(rest):
            return prefix, rest, False
    return "", infinitive, _inseparable(infinitive)


def _unknown_loan(rest: str) -> bool:
    # 'aanbieden' -> 'bieden' is a verb; 'informeren' -> 'formeren' is not one: keep the loan verb whole.
    return rest.endswith("eren") and rest not in _KNOWN_WEAK_BASES and not rest.endswith(tuple(_MUTE_E))


# Base verbs in -eren after a separable prefix that are real verbs ('uitkeren', 'aanleren').
_KNOWN_WEAK_BASES = frozenset({"voeren", "horen", "keren", "leren", "sporen", "zweren", "kopiëren"})


def _has_vowel(text: str) -> bool:
    return any(char in _VOWELS for char in text)


def _inseparable(base: str) -> bool:
    if base in _NOT_PREFIXED:
        return False
    for prefix in _INSEPARABLE:
        rest = base[len(prefix) :]
        if base.startswith(prefix) and len(rest) >= 3 and _has_vowel(rest[:-2]):
            return True
    return base.startswith(("onder", "over", "achter", "mis", "vol", "voor", "weer"))


def _strong_base(base: str) -> tuple[str, str] | None:
    """(prefix, strong verb) when `base` is a prefix plus a verb of the table ('verkrijgen' -> 'ver', 'krijgen')."""
    if base in _STRONG:
        return "", base
    for prefix in _PREFIXES_OF_STRONG:
        if base.startswith(prefix) and base[len(prefix) :] in _STRONG:
            return prefix, base[len(prefix) :]
    return None


def stem(infinitive: str) -> str:
    """The stem (the 'ik' form) of an infinitive without its particle: 'maken' -> 'maak', 'leven' -> 'leef'."""
    particle, base, _ = _split(infinitive)
    if particle:
        return stem(base)
    irregular = _present_irregular(base)
    if irregular:
        return irregular[0]
    strong = _strong_base(base)
    if strong:
        return strong[0] + _weak_stem(strong[1])
    return _weak_stem(base)


def _weak_stem(base: str) -> str:
    if base.endswith("iëren"):
        return base[:-5] + "ieer"
    if base.endswith("ëren"):
        return base[:-4] + "ëer"
    if not base.endswith("en"):
        return base[:-1] if base.endswith("n") else base
    root = base[:-2]
    if len(root) >= 2 and root[-1] == root[-2] and root[-1] not in _VOWELS:
        root = root[:-1]  # zetten -> zet
    elif _open_syllable(base, root):
        root = root[:-1] + root[-2] + root[-1]  # maken -> maak
    if root.endswith("v"):
        root = root[:-1] + "f"
    elif root.endswith("z"):
        root = root[:-1] + "s"
    return root


def _open_syllable(base: str, root: str) -> bool:
    """Whether the stem's last vowel is short in an open, stressed syllable, so the stem doubles it."""
    if len(root) < 2 or root[-1] in _VOWELS or root[-2] not in "aeou":
        return False
    if len(root) >= 3 and root[-3] in _VOWELS:
        return False  # a digraph (oe, ie, eu, ou, ei): already long
    if root[-2] == "e" and root[-1] in "lrnm":
        if base.endswith(tuple(_MUTE_E)):
            return False
        if root[-1] == "r" or base.endswith(_STRESSED_TAILS):
            return True
        # -elen/-enen/-emen: stressed only after a one-syllable root ('delen', 'nemen', 'verlenen').
        rest = root[:-2]
        for prefix in _INSEPARABLE:
            if rest.startswith(prefix) and len(rest) > len(prefix):
                rest = rest[len(prefix) :]
                break
        return not _has_vowel(rest)
    return True


def _ends_voiceless(base: str) -> bool:
    root = base[:-2] if base.endswith("en") else base
    return bool(root) and root[-1] in _KOFSCHIP


def present(infinitive: str, person: int = 3, *, plural: bool = False, joined: bool = True) -> str:
    """The present tense: person 1 ('ik'), 2 ('u', 'jij') or 3 ('hij', 'zij', 'het'); the plural is the
    infinitive. `joined` puts a separable particle in front ('plaatsvindt', in a subordinate clause); without
    it the particle is left out ('vindt', in a main clause the particle follows later)."""
    particle, base, _ = _split(infinitive)
    if plural:
        form = base
    else:
        irregular = _present_irregular(base)
        if irregular:
            form = irregular[person - 1]
        else:
            root = stem(base)
            form = root if person == 1 or root.endswith("t") else root + "t"
    return _join(particle, form) if joined else form


def _present_irregular(base: str) -> tuple[str, str, str] | None:
    if base in _PRESENT:
        return _PRESENT[base]
    strong = _strong_base(base)
    if strong and strong[1] in _PRESENT:
        prefix, verb = strong
        return tuple(prefix + form for form in _PRESENT[verb])  # type: ignore[return-value]
    return None


def past(infinitive: str, *, plural: bool = False, joined: bool = True) -> str:
    """The past tense ('verstrekte', 'verstrekten', 'vond plaats' -> 'vond' / joined 'plaatsvond')."""
    particle, base, _ = _split(infinitive)
    strong = _strong_base(base)
    if strong:
        prefix, verb = strong
        form = prefix + _STRONG[verb][1 if plural else 0]
    else:
        root = _weak_stem(base)
        form = root + ("te" if _ends_voiceless(base) else "de") + ("n" if plural else "")
    return _join(particle, form) if joined else form


def participle(infinitive: str) -> str:
    """The past participle, particle included ('plaatsgevonden', 'verstrekt', 'geretourneerd', 'in kennis
    gesteld')."""
    particle, base, inseparable = _split(infinitive)
    if particle:
        return _join(particle, participle(base))
    strong = _strong_base(base)
    if strong:
        prefix, verb = strong
        form = _STRONG[verb][2]
        if prefix and form.startswith("ge") and not verb.startswith("ge"):
            form = form[2:]  # ontvangen, verkregen, onderzocht
        return prefix + form
    root = _weak_stem(base)
    ending = "" if root.endswith(("t", "d")) else ("t" if _ends_voiceless(base) else "d")
    return root + ending if inseparable else _ge(root) + ending


def _ge(word: str) -> str:
    if word[:1] in "eiu":
        return "ge" + {"e": "ë", "i": "ï", "u": "ü"}[word[0]] + word[1:]
    return "ge" + word


def te_infinitive(infinitive: str) -> str:
    """'te verstrekken', 'plaats te vinden', 'in kennis te stellen'."""
    particle, base, _ = _split(infinitive)
    return f"{particle.strip()} te {base}" if particle else f"te {base}"


def _join(particle: str, form: str) -> str:
    if not particle:
        return form
    return f"{particle.rstrip()} {form}" if " " in particle else particle + form


@cache
def conjugate(infinitive: str, tag: str, *, joined: bool = True) -> str:
    """The form of `infinitive` for one of TAGS ("part" of 'geven' is 'gegeven')."""
    particle, base, _ = _split(infinitive)
    if tag == "inf":
        return _join(particle, base) if joined else base
    if tag == "te":
        return te_infinitive(infinitive)
    if tag in ("1", "2", "3"):
        return present(infinitive, int(tag), joined=joined)
    if tag == "pl":
        return present(infinitive, plural=True, joined=joined)
    if tag == "past":
        return past(infinitive, joined=joined)
    if tag == "pastpl":
        return past(infinitive, plural=True, joined=joined)
    if tag == "part":
        return participle(infinitive)
    raise ValueError(f"unknown tag {tag!r}")


def forms(infinitive: str, *, joined: bool = True) -> dict[str, tuple[str, ...]]:
    """Every form of a verb with the tags it can stand for ('verstrekt': ('2', '3', 'part'))."""
    found: dict[str, list[str]] = {}
    for tag in TAGS:
        form = conjugate(infinitive, tag, joined=joined)
        found.setdefault(form, []).append(tag)
    return {form: tuple(tags) for form, tags in found.items()}


@cache
def parse(infinitive: str) -> tuple[str, str]:
    """(particle, verb) of an infinitive: ('plaats', 'vinden') for 'plaats|vinden' or 'plaatsvinden'."""
    particle, base, _ = _split(infinitive)
    return particle.strip(), base


def register(infinitives: list[str] | tuple[str, ...]) -> None:
    """Make `infinitive_of` know more verbs (for example the officialese list)."""
    _REGISTERED.update(infinitives)
    _form_index.cache_clear()


@cache
def _form_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for infinitive in sorted(set(_STRONG) | set(_PRESENT) | _REGISTERED):
        for form in forms(infinitive):
            index.setdefault(form, conjugate(infinitive, "inf"))
    return index


def infinitive_of(form: str) -> str | None:
    """The infinitive of a verb form ('vond' -> 'vinden', 'plaatsvindt' -> 'plaatsvinden', 'verstrekte' ->
    'verstrekken'); None when it is no form of a verb this module knows or the lemmatiser recognises."""
    lowered = form.lower().strip()
    known = _form_index().get(lowered)
    if known:
        return known
    import simplemma

    lemma = simplemma.lemmatize(lowered, lang="nl")
    if lemma != lowered and lemma.endswith("en") and lowered in forms(lemma):
        return lemma
    return None
