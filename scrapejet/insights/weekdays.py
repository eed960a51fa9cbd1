"""The days of the week in the languages of the sites asked about, in one
place: a question naming a day asks for the hours (qtype), a line naming
one gives them (qtype's hours reader, the extractive reader's hours
tables). Written as the languages write them; compared folded (lower
case, no accents, as ``fold`` gives them)."""

from __future__ import annotations

from ..extract.textlines import fold

# Monday first. Turkish "salı", "cuma" and "pazar" are left out: they are
# other words too ("pazar" a market, "cuma" a mosque's Friday prayer).
_DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "ca": "dilluns dimarts dimecres dijous divendres dissabte diumenge",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda terça quarta quinta sexta sábado domingo",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag",
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag",
    "is": "mánudagur þriðjudagur miðvikudagur fimmtudagur föstudagur laugardagur sunnudagur",
    "fi": "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    "et": "esmaspäev teisipäev kolmapäev neljapäev reede laupäev pühapäev",
    "lv": "pirmdiena otrdiena trešdiena ceturtdiena piektdiena sestdiena svētdiena",
    "lt": "pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sekmadienis",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela",
    "cs": "pondělí úterý středa čtvrtek pátek sobota neděle",
    "sk": "pondelok utorok streda štvrtok piatok sobota nedeľa",
    "hu": "hétfő kedd szerda csütörtök péntek szombat vasárnap",
    "ro": "luni marți miercuri joi vineri sâmbătă duminică",
    "hr": "ponedjeljak utorak srijeda četvrtak petak subota nedjelja",
    "sl": "ponedeljek torek sreda četrtek petek sobota nedelja",
    "el": "Δευτέρα Τρίτη Τετάρτη Πέμπτη Παρασκευή Σάββατο Κυριακή",
    "tr": "pazartesi çarşamba perşembe cumartesi",
}
# Short forms that are no other word where days are written ("Mo–Fr",
# "ma–pe", "Δευτ.–Παρ."); the two-letter ones only in an hours line's context.
_SHORT = ("mon tue wed thu fri sat sun mo di mi do fr sa so pon wt sr czw pt sob niedz po ut st ct pa ne "
          "man tis ons tor tors fre lor son mandagar ma ti ke to pe la su seg ter qua qui sex sab dom "
          "δευτ τριτ τεταρ πεμπ παρασκ σαββ κυρ")
# The forms a question puts a day in: "on Mondays", "montags", "w sobotę",
# and the working days or the weekend as a whole.
_ASKED_FORMS = ("mondays tuesdays wednesdays thursdays fridays saturdays sundays weekday weekdays weekend weekends "
                "montags dienstags mittwochs donnerstags freitags samstags sonntags wochentags werkdagen "
                "srode sobote niedziele")

DAY_NAMES: tuple[str, ...] = tuple(dict.fromkeys(fold(day) for days in _DAYS.values() for day in days.split()))
SHORT_DAY_NAMES: tuple[str, ...] = tuple(_SHORT.split())
ASKED_DAY_FORMS: tuple[str, ...] = tuple(_ASKED_FORMS.split())


def alternation(*groups: tuple[str, ...]) -> str:
    """The names as one regular-expression alternation, longest first (so
    "sobote" is not matched as "sob")."""
    return "|".join(sorted({name for group in groups for name in group}, key=len, reverse=True))
