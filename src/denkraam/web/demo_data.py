"""The content of the demo: organisations, people, initiatives and two conversations. Fictional but realistic."""

from __future__ import annotations

from typing import TypedDict

PASSWORD = "demo-wachtwoord"

ORGANISATIONS: list[tuple[str, str]] = [("uwv", "UWV"), ("kvk", "KVK"), ("gemeente-utrecht", "Gemeente Utrecht")]

# username, first name, last name, organisation slug, role
USERS: list[tuple[str, str, str, str, str]] = [
    ("anna", "Anna", "de Vries", "uwv", "beheerder"),  # also manages UWV's members at /organisaties/uwv/
    ("bram", "Bram", "Jansen", "uwv", "lid"),
    ("chantal", "Chantal", "Bakker", "kvk", "lid"),
    ("dirk", "Dirk", "Visser", "gemeente-utrecht", "lid"),
]


class InitiativeSpec(TypedDict):
    """One demo initiative: organisations by slug, its author by user name."""

    name: str
    owner: str
    partners: list[str]
    description: str
    target_groups: list[str]
    channels: list[str]
    life_event: str
    status: str
    is_published: bool
    by: str


INITIATIVES: list[InitiativeSpec] = [
    {
        "name": "Brief herbeoordeling WW-uitkering",
        "owner": "uwv",
        "partners": ["gemeente-utrecht"],
        "description": "De brief die mensen krijgen als UWV hun recht op WW opnieuw bekijkt, bijvoorbeeld na werk "
        "naast de uitkering. Ook als pdf in Mijn UWV.",
        "target_groups": ["burgers"],
        "channels": ["brief", "portaal"],
        "life_event": "Werkloos worden",
        "status": "in-gebruik",
        "is_published": True,
        "by": "anna",
    },
    {
        "name": "Startpagina Ondernemersplein",
        "owner": "kvk",
        "partners": [],
        "description": "De eerste pagina voor mensen die een bedrijf willen starten: welke stappen, welke regels.",
        "target_groups": ["ondernemers"],
        "channels": ["website"],
        "life_event": "Een bedrijf starten",
        "status": "in-gebruik",
        "is_published": True,
        "by": "chantal",
    },
    {
        "name": "Telefonisch spreekuur schulden",
        "owner": "gemeente-utrecht",
        "partners": [],
        "description": "Elke werkdag van 9 tot 12 uur een schuldhulpverlener aan de telefoon, zonder afspraak.",
        "target_groups": ["burgers"],
        "channels": ["telefoon"],
        "life_event": "Geldzorgen en schulden",
        "status": "in-gebruik",
        "is_published": False,
        "by": "dirk",
    },
    {
        "name": "Chatbot inschrijven KVK",
        "owner": "kvk",
        "partners": [],
        "description": "Een chatbot die helpt bij de inschrijving in het Handelsregister, met overstap naar een "
        "medewerker.",
        "target_groups": ["ondernemers"],
        "channels": ["chat", "website"],
        "life_event": "Een bedrijf starten",
        "status": "in-ontwikkeling",
        "is_published": False,
        "by": "chantal",
    },
    {
        "name": "Loket Werk en Inkomen",
        "owner": "gemeente-utrecht",
        "partners": ["uwv"],
        "description": "Het gezamenlijke loket van gemeente en UWV in het Stadskantoor voor werk, bijstand en WW.",
        "target_groups": ["burgers"],
        "channels": ["balie", "telefoon"],
        "life_event": "Werk zoeken",
        "status": "in-gebruik",
        "is_published": True,
        "by": "dirk",
    },
]

# The finished conversation: per question one letter per participant, in the order of CLOSED_PARTICIPANTS.
# g = goed, v = voldoende, o = onvoldoende, s = slecht, n = niet van toepassing.
CLOSED_TITLE = "Brief herbeoordeling WW – voorjaarsronde"
CLOSED_PARTICIPANTS = ["anna", "bram", "dirk", "chantal"]
CLOSED_RATINGS: dict[str, str] = {
    "betrouwbaar-afspraken": "vvov",
    "betrouwbaar-volgende-stap": "gvoo",
    "betrouwbaar-kanalen": "vooo",
    "transparant-besluit": "gvvv",
    "transparant-gegevens": "ovso",
    "transparant-status": "oovo",
    "transparant-bezwaar": "gggv",
    "veilig-en-echt-herkenbaar": "ggvg",
    "veilig-en-echt-gevoelige-gegevens": "gggg",
    "veilig-en-echt-navragen": "vvov",
    "vertrouwen-in-burger-bewijs": "vovs",
    "vertrouwen-in-burger-toon": "gvos",
    "vertrouwen-in-burger-uitleg": "vvvv",
    "fouten-herstellen-erkennen": "ooso",
    "fouten-herstellen-oplossen": "ovoo",
    "fouten-herstellen-leren": "vvnv",
    "een-overheid-verkeerde-deur": "voov",
    "een-overheid-warme-overdracht": "ovso",
    "een-overheid-samenhang": "vnon",
    "een-keer-vertellen-afdelingen": "vvoo",
    "een-keer-vertellen-toestemming": "gggv",
    "een-keer-vertellen-vastgelegd": "oooo",
    "situatie-kennen-levensgebeurtenis": "ggvv",
    "situatie-kennen-onderzoek": "sooo",
    "situatie-kennen-moeilijke-tijd": "voso",
    "maatwerk-en-mens-ruimte": "vvov",
    "maatwerk-en-mens-contact": "gvss",
    "maatwerk-en-mens-escalatie": "vvvo",
    "respectvolle-toon-persoonlijk": "voso",
    "respectvolle-toon-aanspreekvorm": "gggg",
    "respectvolle-toon-ervaring": "nono",
    "begrijpelijke-taal-b1": "gvss",
    "begrijpelijke-taal-boodschap": "vooo",
    "begrijpelijke-taal-getest": "ssss",
    "toegankelijk-voor-iedereen-wcag": "nvnv",
    "toegankelijk-voor-iedereen-offline": "gggg",
    "toegankelijk-voor-iedereen-beperking": "ovoo",
    "weinig-stappen-aantal": "vvvo",
    "weinig-stappen-ingevuld": "gvgv",
    "weinig-stappen-wat-en-wanneer": "vooo",
    "kanalen-kiezen-keuze": "vvvv",
    "kanalen-kiezen-wisselen": "ooso",
    "kanalen-kiezen-bereikbaar": "vvov",
    "proactief-rechten": "osss",
    "proactief-herinneren": "gvvv",
    "proactief-signalen": "onoo",
}

# (question id, username) → the note; for "niet van toepassing" this is also the reason.
CLOSED_NOTES: dict[tuple[str, str], str] = {
    ("begrijpelijke-taal-b1", "anna"): "De brief is vorig jaar herschreven door de afdeling Communicatie.",
    ("begrijpelijke-taal-b1", "dirk"): "Bij ons loket vragen mensen wekelijks wat 'herbeoordeling' en "
    "'inkomstenverrekening' betekenen. De tweede alinea heeft een zin van 41 woorden.",
    ("begrijpelijke-taal-b1", "chantal"): "Als buitenstaander moest ik de brief drie keer lezen. "
    "Wat ik moet doen staat pas op pagina 2.",
    ("begrijpelijke-taal-getest", "bram"): "Voor zover ik weet is de brief nooit met klanten getest.",
    ("vertrouwen-in-burger-toon", "anna"): "De toon is zakelijk maar netjes.",
    ("vertrouwen-in-burger-toon", "dirk"): "De zin 'Als u niet op tijd reageert, kan dit gevolgen hebben voor "
    "uw uitkering' maakt mensen bang. Ze komen in paniek naar het loket.",
    ("vertrouwen-in-burger-toon", "chantal"): "Het eerste dat je leest is een waarschuwing. Dat voelt als wantrouwen.",
    ("vertrouwen-in-burger-bewijs", "chantal"): "Er wordt gevraagd om alle loonstroken van 6 maanden, terwijl "
    "UWV die gegevens uit de polisadministratie heeft.",
    ("maatwerk-en-mens-contact", "anna"): "Het algemene nummer staat onderaan de brief.",
    ("maatwerk-en-mens-contact", "dirk"): "Er staat geen naam van een behandelaar in. Mensen hangen 20 minuten "
    "in de wacht en moeten dan alles opnieuw vertellen.",
    ("maatwerk-en-mens-contact", "chantal"): "Ik zou niet weten wie ik moet bellen over mijn eigen situatie.",
    ("betrouwbaar-volgende-stap", "anna"): "De brief noemt de termijn van 8 weken.",
    ("betrouwbaar-volgende-stap", "dirk"): "De termijn staat er, maar niet wat er gebeurt als UWV die niet haalt.",
    ("fouten-herstellen-leren", "dirk"): "Kan ik als gemeente niet beoordelen: ik zie de interne "
    "foutenregistratie van UWV niet.",
    ("een-overheid-samenhang", "bram"): "Deze brief gaat alleen over de WW; andere overheden spelen hier geen rol.",
    ("een-overheid-samenhang", "chantal"): "Geen zicht op wat de gemeente deze mensen stuurt.",
    ("respectvolle-toon-ervaring", "anna"): "We hebben nog geen klantreacties over deze brief verzameld.",
    ("respectvolle-toon-ervaring", "dirk"): "Geen klantreacties beschikbaar; alleen verhalen aan het loket.",
    ("toegankelijk-voor-iedereen-wcag", "anna"): "Het gaat om een papieren brief.",
    ("toegankelijk-voor-iedereen-wcag", "bram"): "De pdf in Mijn UWV is wel getagd, maar heeft geen goede "
    "leesvolgorde.",
    ("toegankelijk-voor-iedereen-wcag", "dirk"): "Wij zien alleen de papieren versie.",
    ("proactief-rechten", "dirk"): "Mensen van wie de WW stopt, horen niet dat ze misschien recht hebben op "
    "bijstand of toeslagen.",
    ("proactief-signalen", "bram"): "Dit hoort niet bij een brief, maar bij het klantcontact daarna.",
    ("situatie-kennen-onderzoek", "anna"): "Er is nooit met WW-klanten over deze brief gesproken.",
}

# Consensus the group recorded: question → (rating, rationale).
CLOSED_CONSENSUS: dict[str, tuple[str, str]] = {
    "begrijpelijke-taal-b1": (
        "onvoldoende",
        "Anna las de versie van vorig jaar; de huidige versie heeft weer lange zinnen en vaktaal gekregen. "
        "De vragen aan het loket bevestigen dat mensen de brief niet begrijpen.",
    ),
    "vertrouwen-in-burger-toon": (
        "onvoldoende",
        "De waarschuwing bovenaan zet de toon. Iedereen is het eens dat die naar achteren moet, met uitleg.",
    ),
    "maatwerk-en-mens-contact": (
        "onvoldoende",
        "Een algemeen nummer is niet genoeg: er moet een naam of team met een direct nummer in staan.",
    ),
    "betrouwbaar-volgende-stap": (
        "voldoende",
        "De termijn staat erin. Wat er gebeurt bij vertraging ontbreekt; dat nemen we mee in de herschrijving.",
    ),
    "vertrouwen-in-burger-bewijs": (
        "onvoldoende",
        "Loonstroken die UWV al heeft, vragen we niet meer op. Alleen bij twijfel vragen we om bewijs.",
    ),
    "toegankelijk-voor-iedereen-wcag": (
        "voldoende",
        "De brief staat ook als pdf in Mijn UWV, dus de vraag is wel van toepassing. De pdf is getagd; "
        "de leesvolgorde moet nog beter.",
    ),
}

# title, question ids, owner username or "" , owner name, days from today, status
CLOSED_ACTIONS: list[tuple[str, list[str], str, str, int, str]] = [
    (
        "Brief herschrijven op B1 en testen met vijf WW-klanten",
        ["begrijpelijke-taal-b1", "begrijpelijke-taal-getest"],
        "bram",
        "",
        30,
        "bezig",
    ),
    (
        "Naam en direct telefoonnummer van het behandelteam in de brief",
        ["maatwerk-en-mens-contact"],
        "anna",
        "",
        -60,
        "klaar",
    ),
    (
        "Waarschuwing over gevolgen vervangen door uitleg en hulpaanbod",
        ["vertrouwen-in-burger-toon"],
        "",
        "Team Juridische Kwaliteit",
        60,
        "open",
    ),
    (
        "Bij einde WW warm doorverwijzen naar schuldhulp en bijstand van de gemeente",
        ["een-overheid-warme-overdracht", "proactief-rechten"],
        "dirk",
        "",
        120,
        "open",
    ),
]

# The conversation that is still going on: who answered which questions so far.
OPEN_TITLE = "Loket Werk en Inkomen – najaarsronde"
OPEN_FACILITATOR = "dirk"
OPEN_PARTICIPANTS = ["dirk", "anna", "bram"]
OPEN_ANSWERS: dict[str, dict[str, tuple[str, str]]] = {
    "dirk": {
        "betrouwbaar-afspraken": ("voldoende", "Afspraken komen we na, maar zonder afspraak is de wachttijd lang."),
        "betrouwbaar-volgende-stap": ("onvoldoende", "Mensen krijgen geen briefje mee met wat er nu gebeurt."),
        "betrouwbaar-kanalen": ("onvoldoende", "Aan de balie hoor je soms iets anders dan op de website."),
        "transparant-besluit": ("voldoende", ""),
        "transparant-gegevens": ("onvoldoende", "Niemand legt uit welke gegevens UWV en gemeente uitwisselen."),
        "transparant-status": ("slecht", "Er is geen plek waar mensen de stand van hun aanvraag zien."),
        "transparant-bezwaar": ("goed", "Folder over bezwaar ligt bij elke balie."),
        "veilig-en-echt-herkenbaar": ("goed", ""),
        "veilig-en-echt-gevoelige-gegevens": ("voldoende", "Kopie ID wordt nog gescand aan de balie."),
        "veilig-en-echt-navragen": ("voldoende", ""),
        "vertrouwen-in-burger-bewijs": ("onvoldoende", "We vragen bankafschriften van drie maanden, standaard."),
        "vertrouwen-in-burger-toon": ("goed", "Baliemedewerkers zijn getraind in gesprekken bij spanning."),
        "vertrouwen-in-burger-uitleg": ("voldoende", ""),
        "een-overheid-verkeerde-deur": ("goed", "Je kunt hier voor gemeente én UWV terecht."),
        "een-overheid-warme-overdracht": ("voldoende", ""),
        "een-overheid-samenhang": ("voldoende", ""),
        "een-keer-vertellen-afdelingen": ("onvoldoende", "UWV en gemeente hebben elk een eigen dossier."),
        "een-keer-vertellen-toestemming": ("voldoende", ""),
        "een-keer-vertellen-vastgelegd": ("slecht", ""),
        "situatie-kennen-levensgebeurtenis": ("goed", ""),
    },
    "anna": {
        "betrouwbaar-afspraken": ("goed", "Vanuit UWV halen we de afspraken aan het loket."),
        "betrouwbaar-volgende-stap": ("voldoende", ""),
        "betrouwbaar-kanalen": ("onvoldoende", "De website van de gemeente noemt het loket niet."),
        "transparant-besluit": ("voldoende", ""),
        "transparant-gegevens": ("nvt", "Gegevensuitwisseling loopt niet via het loket, maar via Suwinet."),
        "transparant-status": ("onvoldoende", ""),
        "transparant-bezwaar": ("voldoende", ""),
        "veilig-en-echt-herkenbaar": ("goed", ""),
    },
}

# UWV's house style for the text check (organisation page "Huisstijl"); the demo letter uses several of these words.
HOUSE_STYLES: dict[str, list[tuple[str, str, str]]] = {
    "uwv": [
        ("vermijden", "bescheiden", "papieren"),
        ("vermijden", "overleggen", "sturen"),
        ("vermijden", "ingevolge", "volgens"),
        ("vermijden", "middels", "met"),
        ("vermijden", "herbeoordeling", "nieuwe beoordeling"),
        ("vermijden", "stopzetten", "stoppen"),
        ("toegestaan", "WW-uitkering", "Kennen onze klanten"),
        ("afkorting", "WW", "Werkloosheidswet"),
        ("afkorting", "UWV", "Uitvoeringsinstituut Werknemersverzekeringen"),
    ],
}
