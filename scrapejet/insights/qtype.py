"""What kind of value answers a question, and whether a sentence holds one.

"Who founded Northwind Tools?" is answered by a person, "When was it
founded?" by a year, "Where is the shop?" by a place, "How much is the
mug?" by a price: a sentence without such a value does not answer, however
many of the question's words it repeats. The question words are listed in
the languages the role words of the business spider cover (small sites ask
and answer in their own language); the values are recognised by their
shape, which most languages share (digits, times, postcodes, capitalised
names)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..extract.roles import page_role
from ..extract.stopwords import STOP_WORDS
from ..extract.textlines import fold
from .glossary import english_terms
from .weekdays import ASKED_DAY_FORMS, DAY_NAMES, SHORT_DAY_NAMES, alternation
from .text import EMAIL, FREE, PHONE, PRICE, sentences, stem, terms

# Words that ask for a discount, in the corpus's languages
_DISCOUNT_WORDS = r"\bdiscount|\brabatt|\bremise\b|\breduction\b|\bdescuento|\bsconto|\bkorting|\brabat\b|\bslev"

# Question words and phrases, folded (lower case, no accents), per kind.
# The days of the week and the working days, as a question names them (folded),
# and the words for being open or reachable.
_QUESTION_WEEKDAY = f"(?:{alternation(DAY_NAMES, ASKED_DAY_FORMS)})"
_OPEN_WORD = (r"(?:open|opened|geopend|geoffnet|offen|ouvert|ouverte|abierto|abierta|aperto|aperta|aberto|aberta|"
              r"otwarty|otwarte|otwarta|otevreno|otevrena|otvoreno|otvorene|nyitva|oppet|abent|apent|auki|avoinna|"
              r"bereikbaar|erreichbar|joignable|raggiungibile|reachable)")
# ...and when someone is there, of a place open to members all week ("When is
# staff present on Mondays?"), unless the question asks who is
_STAFFED_WORD = r"(?:staffed|present|bemand|aanwezig|besetzt|anwesend|presente)"
# Checked in this order: "how much does it cost" is a price before a number,
# "opening hours" hours before "when", "who founded it" a person before "when".
_ASKS: list[tuple[str, re.Pattern[str]]] = [
    # when a place opened (a date), not when it is open: "When did the tea rooms re-open?"
    # ("on what date did the clinic open?": a date, as "in which year")
    ("when", re.compile(r"\bwhen did\b.*\b(?:re-?)?open\b|\bwhen (?:was|were)\b.*\b(?:re-?)?opened\b|"
                        r"\b(?:what|which) (?:date|year|month)\b.*\b(?:did|was|were)\b.*\b(?:re-?)?open(?:ed)?\b|"
                        r"\bwann (?:wurde|hat)\b.*\b(?:eröffnet|eroffnet|geöffnet)\b")),
    # a time of day, whatever it is for, before what it is for: "at what times
    # can they be reached by phone?", "by what time do guests check out?"
    # ("when can I phone to book?" asks when the line is staffed)
    ("hours", re.compile(r"\b(?:at|by|until|till|from) what times?\b|\bwhat times\b|\b(?:which|what) hours\b|"
                         # "on which days (of the week) can I reach them?", "what days are you open?"
                         r"\b(?:which|what) (?:week)?days?\b(?: of the week)?\b.*\b(?:open|reach|call|phone|visit|come|work|closed)|"
                         # "on which days do they serve Walcha?": days of the week, whatever for
                         r"^\W*on (?:which|what) (?:week)?days\b|"
                         r"\bwhen can (?:i|we|you|one) (?:phone|call|ring|reach|contact|visit|come|drop|bring|deliver|"
                         r"collect|pick)\b|"
                         r"^(?!.*\b(?:how much|costs?|prices?|fees?|charge)\b).*\bcheck(?:-|\s)?(?:in|out)\b")),
    # the hours asked for in the site's language, whatever for ("in che orari si può
    # telefonare" asks for times, not a number): "op welke tijden … bereikbaar", "tot hoe laat",
    # "w jakich godzinach", "zu welchen Zeiten", "jusqu'à quelle heure", "hasta qué hora"
    ("hours", re.compile(r"\b(?:op welke tijden|welke tijden|tot hoe laat|vanaf hoe laat|hoe laat|w jakich godzinach|"
                         r"o ktorej|zu welchen zeiten|welche zeiten|um wieviel uhr|"
                         # ("ab wann erreichbar"; not "ab wann befindet sich die Praxis in …": a date)
                         r"(?:bis|ab) wann\b(?=.*\b(?:erreichbar|sprechstunden?|sprechzeiten?|telefonisch|anrufen|abholen|"
                         r"bestellen|geliefert|liefern|einchecken|auschecken|check))|"
                         # ("wann hat die Praxis montags Sprechstunde", "wann ist geöffnet": a time of the week)
                         r"\bwann\b(?=.*\b(?:sprechstunden?|sprechzeiten?|geoffnet|offen|erreichbar)\b)|"
                         r"jusqu.a quelle heure|a partir de quelle heure|quelle heure|quels horaires|"
                         r"hasta que hora|desde que hora|a que hora|que horario|fino a che ora|a che ora|che orari|"
                         r"ate que horas|a que horas|v kolik hodin|do kolika hodin|od kolika hodin|hany orakor|"
                         r"hany oraig|hany oratol|till hur sent|hvor sent|until when|in quali orari|quali orari|"
                         r"in che orario|che orario|a che ore|ποιες ωρες|τι ωρα|ποια ωρα|"
                         # "when can I phone" in the site's language: when the line is staffed
                         r"wann kann (?:ich|man) (?:sie )?(?:anrufen|erreichen|vorbeikommen)|"
                         r"quand (?:puis-je|peut-on|pouvez-vous) (?:vous )?(?:appeler|telephoner|joindre|passer)|"
                         r"cuando (?:puedo|se puede) (?:llamar|pasar)|quando (?:posso|si puo) (?:chiamare|telefonare|passare)|"
                         r"wanneer kan ik (?:bellen|langskomen|u bereiken))\b|"
                         # "on which days … open": "op welke dagen is de winkel open", "an welchen Tagen geöffnet"
                         rf"\b(?:welke dagen|an welchen tagen|quels jours|que dias|quali giorni|in quali giorni|"
                         rf"w jakie dni|w ktore dni|ktere dny|v ktere dny|kojim danima|koje dane|hangi gunler|"
                         rf"vilka dagar|hvilke dager|hvilke dage|mely napokon|milloin)\b.*\b{_OPEN_WORD}\b|"
                         # a weekday and "open" or "reachable": "otwarty w sobotę", "op maandag geopend"
                         rf"\b{_QUESTION_WEEKDAY}\b.*\b{_OPEN_WORD}\b|\b{_OPEN_WORD}\b.*\b{_QUESTION_WEEKDAY}\b|"
                         rf"^(?!\W*(?:who|whom|wer|qui|quien|chi)\b)(?:.*\b{_STAFFED_WORD}\b.*\b{_QUESTION_WEEKDAY}\b|"
                         rf".*\b{_QUESTION_WEEKDAY}\b.*\b{_STAFFED_WORD}\b)")),
    ("email", re.compile(r"e-?mail|courriel|correo electronico|posta elettronica|\bmail\b")),
    # (a phone the price is asked of is a thing, not a number to call: "How much does a
    # phone data transfer cost?")
    # (whom to ask for on the phone is a person: "Who should you ask for on WhatsApp?")
    ("phone", re.compile(r"^(?!.*\b(?:how much|costs?|prices?|fees?|charges?)\b)(?!\W*(?:who|whom)\b.*\bask for\b).*(?:phone|\bcall\b|\bfax\b|telefon|telephone|telefono|telefoon|\btel\b|numero de telefono|"
                         r"landline|\bcell\b|τηλεφων|puhelin|\bring\b|"
                         r"whats\s?app|mobile number|handynummer|"
                         # "à quel numéro peut-on commander ?": a number to call, not a register's
                         r"\b(?:quel|quelle|which|what|welche[rn]?|que|quale|welk|qual)\s+(?:numero|number|nummer)\b(?!\s+(?:of|de|di|van|der)\b)"
                         r"(?!.*\b(?:tva|vat|siret|siren|regist\w*|kvk|iva|ust|steuer\w*|company|firma|handels\w*|"
                         r"licen[cs]e|tax|ico|nip|org)))")),
    # "how soon … the cost estimate": how long, whatever it is about
    # ("how much notice" is a time, not a price)
    ("duration", re.compile(r"^\W*how (?:long|quickly|fast|soon)\b|\bhow (?:much|far) (?:notice|time|warning|in advance)\b|^\W*(?:wie (?:lange|schnell)|combien de temps|"
                            r"cuanto tiempo|quanto tempo|hoe (?:lang|snel)|jak (?:dlouho|rychle|dlugo|szybko))\b|"
                            # "within what time limit": "¿En qué plazo responde…?", "Dans quel délai…", "Em que prazo…"
                            r"\b(?:que|quel|qual|quale|welke[rn]?|welche[rmn]?|jakim|jake|ce) (?:o )?(?:plazo|delai|prazo|termine|"
                            r"termijn|frist|zeitraum|terminie|lhute|termen)\b")),
    # "how much does it weigh?" asks for a weight, not a price
    # ...nor "how much caffeine is in one stick?": an amount of a thing, not of money
    ("number", re.compile(r"\bhow (?:much|heavy)\b.*\bweigh|\bhow much (?:weight|load)\b|\bwhat (?:is the )?weight\b|"
                          r"\bhow much (?!money\b)[a-z]+ (?:is|are) (?:in|there)\b|"
                          r"\bhow much (?!money\b)[a-z]+ (?:does|do) .*\b(?:contain|hold)\b")),
    ("price", re.compile(r"how much|\bprices?\b|\bpricing\b|\bcosts?\b|\bfees?\b|\brates?\b|\bcharge|\bpreis|\bkoste|"
                         r"\bgebuhr|\bgebyr|\bavgift|\bprix\b|\bcoute|\btarif|\bharga\b|\bbiaya\b|\bprecio|\bcuesta|\bcuanto cuesta|\bprezz|\bcosta\b|"
                         r"\bkost\b|\bkosten\b|\bprijs|\bpreco|\bquanto custa|\bcena\b|\bile kosztuje|\bar\b|\bmennyibe|"
                         r"\bpret\b|\bfiyat|\bucret|\bτιμη|\bkoliko kosta|\bhind\b|\bpauschal|\bforfait|"
                         r"\bkainuoja|\bkaina\b|\bhinta|veloitus|\bbao nhieu tien\b|\bgia (?:bao nhieu|phong|ve|tien)\b|\bmaksaa|\bmaksav|\bmaksab|\bpris\b|\bkoster\b|\bkostar\b|"
                         r"\bcijena|\bцен(?!тр)|\bцін|\bструва|\bкошту|\bстоит\b|\bчини\b|\bстоимост|\bвартіст|"
                         # Slovenian, Czech, Slovak "how much does it cost": koliko stane, kolik stojí, koľko stojí
                         r"\bstane\b|\bstoji\b|\bkosztuje\b|"
                         # "how high is the deposit", "jak vysokou vratnou kauci": an amount of money
                         r"\b(?:how high|wie hoch|jak vysok\w*|jak wysok\w*|hoe hoog)\b.*\b(?:deposit\w*|kaution|kauc\w*|"
                         r"zaloh\w*|zaliczk\w*|borg|waarborg|fee|gebuhr\w*|poplat\w*|oplat\w*|preis|cen[ayu]?)\b|"
                         # a discount is a price off: "10% off"
                         rf"{_DISCOUNT_WORDS}")),
    # how long something takes, how far it is: a number with its unit ("do 24 hodin", "10 minuti a piedi")
    ("duration", re.compile(r"how (?:long|quickly|fast|soon|far)\b|how many (?:days|weeks|months|years|hours|minutes)|"
                            r"years of experience|delivery time|lead time|waiting time|in advance|wie lange|wie schnell|"
                            r"wie weit|combien de temps|cuanto tiempo|quanto tempo|hoe lang|hoe snel|hoe ver|"
                            r"jak dlouho|jak rychle|jak dlugo|jak szybko|mennyi ido|ne kadar sure|koliko dugo|"
                            r"kako hitro|koliko casa|kuinka kauan|hur lange|hur snabbt|hvor lenge|hvor laenge|hvor lang|"
                            r"kiek laiko|per kiek|"
                            # "how many years (of practice)", in the site's language
                            r"kolko rokov|kolik let|ile lat|koliko let|koliko godina|hany eve|mitu aastat|"
                            r"kuinka monta vuotta|cik gadus|kiek metu|wie viele jahre|combien d.annees|cuantos anos|"
                            r"quanti anni|hoeveel jaar|quantos anos|hvor mange ar|hur manga ar|kac yil")),
    ("hours", re.compile(r"opening hours|office hours|open(?:ing)? times?|\bhours\b|when (?:are|is) .* open|"
                         # Indonesian, Malay, Vietnamese: "jam kerja", "waktu operasional", "giờ mở cửa"
                         r"\bjam (?:kerja|operasional|buka|pelayanan)\b|\bwaktu operasional\b|\bgio (?:mo cua|lam viec)\b|"
                         r"what time .*\b(?:open|close)|\b(?:open|closed?) on \w+days?\b|"
                         # a time of day, whatever it is for ("what time is check-in?", "a qué hora")
                         r"^\W*(?:at )?what time\b|\bcheck-?(?:in|out) times?\b|"
                         # "on which day is it closed?", "in quale giorno è chiuso?"
                         r"\b(?:day|days|tag|tagen|jour|jours|dia|dias|giorno|giorni|dag|dagen|dzien|dni|den|dny)\b.*"
                         r"\b(?:closed|closes|geschlossen|schliesst|ferme|fermee|ferment|cerrado|cerrada|cierra|cierran|"
                         r"chiuso|chiusa|chiude|chiudono|gesloten|sluit|zamkniete|"
                         r"zamkniety|zavreno|zatvoreno|stangt|stengt|lukket|suljettu)\b|^\W*(?:a que hora|um wie viel uhr|"
                         r"a quelle heure|a che ora|hoe laat|o ktorej|mikor kezd|kl\. hvad|hvad tid|vilken tid)\b|"
                         r"oeffnungszeit|offnungszeit|sprechzeit|geoffnet|horaires?|heures d.ouverture|horario|"
                         r"\borari[o]?\b|\bhoraris?\b|\bapertura\b|openingstijden|openingsuren|horario de funcionamento|godziny otwarcia|"
                         r"nyitvatartas|program|calisma saat|ωραριο|radno vrijeme|radno vreme|odpiralni cas|lahtiolekuaeg|"
                         r"aukioloaika|aukioloajat|apningstid|oppettider|abningstid|provozni doba|oteviraci doba|"
                         # Indonesian, Malay: "jam berapa … buka", "jam operasional"
                         r"jam berapa|jam buka|jam operasional|waktu operasional|"
                         r"oteviraci hodiny|otvaracie hodiny|prevadzkova doba|darba laiks|darbo laikas|"
                         r"часы работы|режим работы|график работы|время работы|работно(?:то)? време|графік роботи|години роботи|"
                         # "når har butikken åpent", "quand est-il ouvert": a when-word, then open
                         r"\b(?:nar|wann|quand|cuando|quando|wanneer|kiedy|mikor|milloin|kada|kdy|kdaj|kada|ne zaman|"
                         r"hvornar|when|vilka tider|hvilke tider|welche zeiten|which times|what times)\b.*\b(?:apent|apen|abent|aben|oppet|offen|geoffnet|ouverte?s?|abiert[oa]s?|"
                         r"apert[oa]|geopend|open|otwart[ey]|nyitva|auki|avoinna|otvoren[oa]?|odprt[oa]?|acik)\b")),
    # ("which regulator is she registered with" asks for a body, not a number)
    ("number", re.compile(r"how many|how large|how big|\bnumber of\b|registration|\bregister\b|\bvat\b|"
                          # a floor area by its name: "Jaki metraż ma projekt…?", "la superficie", "die Wohnfläche"
                          r"\bfloor area\b|\bsurface area\b|\bmetraz\w*|\bpowierzchni\w*|\bsuperficie\b|\boppervlakte\b|"
                          r"\bwohnflache\b|\bnutzflache\b|\bvymer[ay]?\b|\balapterulet\w*|\bsuprafata\b|\bpovrsin\w*|\bpinta-ala\b|"
                          # an ordinal: "in which generation", "on what floor", "in welcher Generation"
                          r"\b(?:which|what|welche[rmns]?|quelle|quale|que|welke|hvilken|vilken)\s+(?:generation|floor|"
                          r"storey|century|edition|generazione|generacion|generatie|stock|stockwerk|etage|piano)\b|"
                          r"company number|tax (?:id|number)|wie viele|wieviele|wie gross|handelsregister|"
                          r"ust-?id|steuernummer|combien|numero (?:de )?(?:tva|siret|siren|rcs)|cuantos|cuantas|"
                          r"\bcif\b|\bnif\b|quanti|quante|partita iva|hoeveel|\bkvk\b|\bbtw\b|quantos|quantas|\bile\b|"
                          r"\bhany\b|\bcate\b|\bcati\b|\bkac\b|ποσ|koliko|\bkolik|\bmitu\b|\bmonta\b|hvor mange|"
                          r"hur manga|\bbao nhieu\b|\bnip\b|\bregon\b|\bkrs\b|adoszam|\bcui\b|vergi|\bkolko\b|"
                          r"numero de inscricao|numero de registo|numero de registro|numero de inscripcion")),
    ("person", re.compile(r"\bwho\b|\bwhom\b|whose|\bfull name\b|\b(?:which|what) (?:(?!kind\b|type\b|sort\b)[a-z]+ ){0,3}(?:company|firm)\b"
                          # (not "what is the company ID number": a number)
                          r"(?!'?s? (?:id|identification|registration|reg|vat|tax)\b)|\bowner|founder|\bmanager|director|\bceo\b|\brun by\b|\bhosts?\b|"
                          # "which notary works there", "which doctor": a person by the role asked about
                          r"\b(?:which|what) (?:notary|lawyer|attorney|doctor|dentist|therapist|physiotherapist|"
                          r"architect|engineer|chef|person|people|employee|partner|member|advisor|consultant)s?\b|"
                          r"\bwer\b|inhaber|grunder(?:in)?\b|geschaftsfuhr|leiter|\bqui\b|proprietaire|fondateur|"
                          r"fondatrice|gerant|\bquien\b|dueno|propietari|fundador|\bchi\b|titolare|fondatore|"
                          r"eigenaar|eigenares|oprichter|oprichtster|zaakvoerder|zaakvoerster|"
                          # Dutch "wie is" (German "wie ist" asks how)
                          r"\bwie (?:is|zijn|runt|runnen|leidt|heeft|hebben|beheert|behandelt)\b|\bquem\b|proprietario|\bkto\b|wlasciciel|\bki\b|tulajdonos|\bkellega\b|\bkes\b|"
                          r"\bcine\b|\bkim\b|sahib|ποιος|ποια|ποιοι|ιδιοκτητ|\btko\b|\bkdo\b|\bkes\b|vlasnik|lastnik|omanik|"
                          r"\bhvem\b|\bvem\b|\bkuka\b|wie heisst|wie heißt|name of the|"
                          # "what is … called", as "name of the" ("Jak se jmenuje masér…?")
                          r"jak se jmenuje|jak sa vola|jak sie nazywa|kako se zove|kako se imenuje|kako se imenujeta|"
                          r"como se llama|como se chama|come si chiama|comment s.appelle|hoe heet|vad heter|hva heter|"
                          r"hvad hedder|"
                          # Indonesian, Malay, Vietnamese ("Siapa pendiri…", "… là ai?")
                          r"\bsiapa\b|\bpendiri\b|\bpemilik\b|\bla ai\b|nguoi sang lap|"
                          # Cyrillic: "who", the owner, the founder
                          r"\bкой е\b|\bкоя е\b|\bкто\b|\bхто\b|\bко је\b|собственик\w*|собственник\w*|власник\w*|"
                          r"основател\w*|засновник\w*")),
    ("when", re.compile(r"\bwhen\b|what year|which year|since|how old|founded|established|opened|\bwann\b|seit wann|"
                        r"gegrundet|\bquand\b|depuis quand|\bfonde|\bcuando\b|desde cuando|fundad[oa]|\bquando\b|"
                        r"\bda quando\b|fondat[oa]\b|wanneer|sinds wanneer|opgericht|desde quando|\bkiedy\b|od kiedy|"
                        r"zalozon|\bmikor\b|\bcand\b|de cand|ne zaman|ποτε|\bkada\b|od kada|\bkdaj\b|\bmillal\b|"
                        r"\bkdy\b|\bhvornar\b|\bnar\b|\bmilloin\b|\bquan\b|des de quan|fundat\b|"
                        # "in which year", in the site's language
                        r"quin any|en que ano|in welchem jahr|en quelle annee|in quale anno|in che anno|in welk jaar|"
                        r"w ktorym roku|v jakem roce|melyik evben|hangi yilda|vilket ar|hvilket ar|mina vuonna|"
                        r"kuriais metais|kura gada|mis aastal|koje godine|kateri leto|σε ποια χρονια|в каком году|"
                        r"em que ano|\bfundar\b|"
                        # "since which year"
                        r"mis aastast|seit welchem jahr|depuis quelle annee|desde que ano|da che anno|dal quale anno|"
                        r"sinds welk jaar|od ktorego roku|od jakeho roku|od ktoreho roku|mista vuodesta|nuo kuriu metu|"
                        r"kops kura gada|od koje godine|fra hvilket ar|fran vilket ar|hangi yildan|since what year|"
                        # Indonesian, Malay, Vietnamese ("Sejak tahun berapa … berdiri?", "năm nào")
                        r"\bkapan\b|tahun berapa|\bdidirikan\b|\bberdiri\b|\bnam nao\b|\bkhi nao\b|thanh lap|"
                        # Cyrillic: Bulgarian, Macedonian, Russian, Ukrainian, Serbian "when", "since when", "founded"
                        r"\bкога\b|\bкогда\b|\bколи\b|\bкада\b|от кога|с каких пор|з якого року|коя година|"
                        r"през коя година|в якому році|основан\w*|заснован\w*")),
    ("place", re.compile(r"\bwhere\b|address|located|location|postcode|post code|zip code|which (?:town|city)|"
                         r"\bwo\b|adresse|anschrift|postleitzahl|\bou\b|\bdonde\b|direccion|\bdove\b|indirizzo|"
                         r"\bwaar\b|\badres\b|\bonde\b|endereco|morada|\bgdzie\b|\bhol\b|\bcim\b|\bunde\b|"
                         r"\bnerede\b|\bhangi (?:ilce|il|sehir|semt|mahalle)\w*|\bbulunuyor\b|\bπου\b|διευθυνση|\bgdje\b|\bkje\b|\bkus\b|aadress|\bkde\b|\bhvor\b(?! (?:stor[te]?|mange|meget|mye|lang[te]?|laenge|lenge|ofte|tit|gammel|gamle|dyr[te]?|hoj[te]?|sent|tidlig|hurtigt|raskt)\b)|\bvar\b|\bhvar\b|"
                         r"\bmissa\b|\bosoite\b|"
                         # Cyrillic: Bulgarian, Russian, Ukrainian, Serbian, Macedonian "where" and "is located"
                         r"\bкъде\b|\bгде\b|\bде\b|\bкаде\b|\bгдје\b|\bнамира\b|\bнаходится\b|\bзнаходиться\b|"
                         r"\bрозташован\w*|\bрасположен\w*|\bразположен\w*|"
                         # Catalan "on és / on està …" (an English "on" starts no such question)
                         r"^\W*on (?:es|esta|estan|son|puc|podem|trobo|trobar|queda)\b|\badreca\b|"
                         # Indonesian, Malay, Vietnamese ("Di mana…", "ở đâu")
                         r"\bdi ?mana\b|\bdi (?:\w+ ){1,2}mana\b|\bberlokasi\b|\blokasi\b|\balamat\b|\bo dau\b|\bdia chi\b")),
]

_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20[0-4]\d)(?!\d)")
# The months, folded, in the pages' languages (Polish and Czech in the genitive
# a date writes them in, Finnish by their "-kuuta")
_MONTH = (r"(?:jan(?:uary|uar|uari|vier|eiro)|feb(?:ruary|ruar|ruari)|fevrier|fevereiro|march|marz|maart|mars|marts|"
          r"marzo|marco|april|avril|abril|aprile|may|mai|mei|maj|mayo|maio|maggio|june|juni|juin|junio|junho|giugno|"
          r"july|juli|juillet|julio|julho|luglio|august|augusti|augustus|aout|agosto|september|septembre|septiembre|"
          r"setembro|settembre|october|oktober|octobre|octubre|outubro|ottobre|november|novembre|noviembre|novembro|"
          r"december|dezember|decembre|diciembre|dezembro|dicembre|desember|enero|febrero|gennaio|febbraio|"
          r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrzesnia|pazdziernika|listopada|grudnia|"
          r"ledna|unora|brezna|dubna|kvetna|cervna|cervence|srpna|zari|rijna|listopadu|prosince|[a-z]+kuuta)")
_DAY_MONTH = re.compile(rf"(?<![\d.])(?:[12]?\d|3[01])(?:\.|er|st|nd|rd|th)?\s(?:de\s)?{_MONTH}\b|\b{_MONTH}\s(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b")
# what happens every week, asked in the present: "when does the group meet?"
_RECURRING_ASKED = re.compile(r"\bwhen (?:does|do|is|are)\b(?!.*\b(?:found|establish|open(?:ed)? for the first))")
_YEAR_WORD = re.compile(r"\byears?\b|\bjahr|\bannee|\bano\b|\banno\b|\bjaar\b|\brok\b|\bvuonna\b|\bar\b")
# (an hour and its minutes, not a pair of a phone number's digits: "04.66.53.80.86")
_TIME = re.compile(r"(?<![\d,.])(?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)(?![\d,]|\.\d)|\b\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?|uhr|h)(?!\w)", re.I)
# Whole hours from one to another: "Pon-Pt 8-16", "de 16 a 19 horas", "08–13 & 14–16"
# (not a time taken: "usually 4–6 hours", "2-3 Stunden")
_HOUR_SPAN = re.compile(r"(?<![\d.,/:])(?:[01]?\d|2[0-4])\s?(?:[-–]|to|a|bis|à|till|until|tot|do|til)\s?"
                        r"(?:[01]?\d|2[0-4])(?![\d./:]|,\d|\s?(?:%|years?|jahre|days?|tage|weeks?|months?|people|personen|km|kg|cm|m\b|"
                        r"hours?\b|hrs?\b|stunden|minutes?|min\b))", re.I)
# From one hour to another, in words: "dalle ore 10 alle ore 24", "von 10 bis 18 Uhr", "from 9 to 5"
_FROM_TO = re.compile(r"\b(?:from|dalle|dall['’]|von|de|des|desde|van|od|fra|från|frá)\s+(?:ore\s+|h\s+|kl\.?\s+)?"
                      r"(?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)?\s?(?:uhr|h|horas|heures|ore|uur|am|pm)?\s+"
                      r"(?:to|till|until|alle|all['’]|bis|a|à|hasta|tot|do|til|till)\s+(?:ore\s+|h\s+|kl\.?\s+)?"
                      r"(?:[01]?\d|2[0-4])(?!\d|[.,]\d|\s?(?:%|years?|jahre|anni|days?|tage|giorni|weeks?|people|personen|persone|km|kg|cm|m\b|€|eur))",
                      re.I)
_HOUR_WORD = re.compile(r"\b(?:h|uhr|horas?|hrs?|hours|heures|ore|uur|godz\w*|hod\w*|klo|kl)\b\.?", re.I)
# A time of day written with its minutes ("12.00", "8:30", "17h30")
_CLOCK = re.compile(r"(?<![\d,.])(?:[01]?\d|2[0-4])[:.h][0-5]\d(?![\d,]|\.\d)")
_DISCOUNT_ASKED = re.compile(_DISCOUNT_WORDS)
_PERCENT = re.compile(r"\d\s?%")
# A year of the calendar, not a count of years ("seit 2010 Jahren" is not said)
_YEAR_NUMBER = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,])")
_WEEKDAY = re.compile(
    r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?s?|" + alternation(DAY_NAMES, SHORT_DAY_NAMES) + r"|"
    # every day, as hours are given for all days at once ("joka päivä 7–21")
    r"every day|daily|taglich|tous les jours|todos los dias|tutti i giorni|dagelijks|elke dag|codziennie|"
    r"denne|dagligen|hver dag|alle dage|joka paiva|minden nap|zilnic|her gun|καθημερινα|vsak dan|svaki dan)\b", re.I)
# A day's hours given as none (folded)
CLOSED_WORD = re.compile(r"\b(?:closed|geschlossen|ruhetag|ferme|fermee|cerrado|cerrada|chiuso|chiusa|gesloten|"
                          r"fechado|zamkniete|zamkniety|zavreno|zatvoreno|zaprto|stangt|stengt|lukket|suljettu|"
                          r"zarva|inchis|kapali|κλειστα|κλειστο|uzdaryta|suletud)\b")
# The days a business is closed, in the scripts whose weekdays are no Latin word
# ("休診日：木・日・祝日", "定休日 土曜・日曜・祝日", "휴무일", "סגור", "مغلق"): an answer to
# when it is open without a time in it
_CLOSED_DAYS = re.compile(r"定休日|休診日|休業日|休館日|公休日|休日|휴무|휴일|סגור|סגורה|مغلق|مغلقة|عطلة|ปิดทำการ|วันหยุด")
# digits, or a count written out ("six guests", "zwei Zimmer")
_WRITTEN_NUMBERS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|zwei|drei|"
                    "vier|funf|sechs|sieben|acht|neun|zehn|deux|trois|quatre|cinq|sept|huit|neuf|dix|dos|tres|"
                    "cuatro|cinco|seis|siete|ocho|nueve|diez|due|quattro|cinque|sei|sette|otto|nove|dieci|twee|"
                    "drie|vijf|zes|zeven|negen|tien|duas|quatro|oito|"
                    # the Nordic ones that are no other word ("två till tre rätter"; not "to", "fire", "sex")
                    "tva|tre|fyra|sju|atta|tio|seks|syv|otte|atte|"
                    # ...and the South Slavic ones ("četiri zvjezdice"; not "pet", a pet)
                    "cetiri|sest|sedam|osam|devet|"
                    # the tens and the teens that are no other word ("elf fysiotherapeuten", "oltre trent'anni";
                    # not "onze", Dutch for "our", nor "once")
                    "thirteen|fifteen|thirty|forty|fifty|elf|zwolf|zwanzig|dreissig|douze|quinze|vingt|trente|"
                    "doce|veinte|treinta|undici|dodici|quindici|venti|trenta|trent|twaalf|vijftien|twintig|dertig|"
                    "doze|vinte|trinta|dwa|trzy|cztery|piec|dziesiec|dva|tri|ctyri|deset|tolv|elleve|tjugo|tyve|"
                    "dez|vierzig|funfzig|quarante|cinquante|cuarenta|cincuenta|quaranta|cinquanta|quarenta|"
                    "cinquenta|veertig|vijftig")
_NUMBER = re.compile(rf"\d|\b(?:{_WRITTEN_NUMBERS})\b", re.I)
# A count and its unit of time or distance, in the languages of the question words
# ("24 hodin", "2 tot 3 weken", "2–5 darbo dienas", "mais de quarenta anos", "10 minuti").
_DIGITS = r"\d+(?:[.,]\d+)?(?:\s?(?:-|–|—|to|tot|bis|a|à|al|do|iki|till|til)\s?\d+(?:[.,]\d+)?)?"
# a count before its unit ("vijf jaar", "mais de quarenta anos"); "one" only there
_AMOUNT = rf"(?:one|{_WRITTEN_NUMBERS})"
# "one" that is also the article: only right before its unit ("een week", "un an")
_ARTICLE = r"(?:ein(?:e|en)?|un|une|uno|una|um|een)"
_UNIT = (r"(?:min(?:ute|uut|uto|uti|utos|uten|utes|utter|uter|utit|utid|ut|uta|ute|uty|utami|s)?\.?|perc|dakika|minuuttia?|"
         r"hours?|hrs?|h\b|stunden?|std\.?|heures?|horas?|ore|ora|uur|uren|godzin[ay]?|hod(?:in[ay]?)?|ur[ai]?|"
         r"sat[ia]?|oras?|ora|saat|val(?:andu|andos)?\.?|timm(?:e|ar)|timer?|tun(?:ti|nin|tia|di|d)|ωρ\w*|час\w*|"
         r"days?|tag(?:e|en)?|jours?|dias?|dias|giorn[oi]|dag(?:en|ar|e)?|dni|dn[iu]|den|dana?|nap|gun|dien\w*|"
         # a working day ("binnen één werkdag", "2 Werktage", "3 arbetsdagar")
         r"workdays?|werkdag(?:en)?|werktag(?:e|en)?|arbeitstag(?:e|en)?|arbetsdag(?:ar)?|arbejdsdag(?:e)?|"
         r"arbeidsdag(?:er)?|"
         r"paiv\w*|paev\w*|zile|ημερ\w*|μερ\w*|дн\w*|ден\w*|"
         r"weeks?|wochen?|semaines?|semanas?|settiman[ae]|weken|week|tygodn\w*|tyd\w*|tjed\w*|ted(?:en|na|ne)|"
         r"hetet|hetig|hafta|nadala\w*|savait\w*|veck(?:a|or)|uger?|uker?|viik\w*|saptaman\w*|εβδομαδ\w*|тиж\w*|нед\w*|седмиц\w*|"
         r"months?|monate?n?|mois|mes(?:es)?|mes[ei]|maand(?:en)?|miesi\w*|mesic\w*|mjesec\w*|mesec\w*|honap|"
         r"ay|kuud|menes\w*|manad(?:er)?|maned(?:er)?|kuukau\w*|luni|μην\w*|месяц\w*|місяц\w*|"
         r"years?|jahr(?:e|en)?|ans?|annees?|anos?|ann[oi]|jaar|jaren|lat|lata|rok(?:u|y|ov)?|let|leta?|godin[aeu]?|"
         r"ev|yil|metu|metai|ar|vuo\w*|aasta\w*|ani|χρονι\w*|ετ\w*|год\w*|рок\w*|лет|"
         r"nights?|evenings?|nachte|nachten|nuits?|noches|notti|noci|nocy|"
         r"km|kilomet\w*|miles?|metres?|meters?|metros?|metri|a piedi|on foot|zu fuss|a pied)")
# how far, in any language: a distance answers it, not a time
_FAR = re.compile(r"how far|wie weit|hoe ver|a quelle distance|a que distancia|quanto (?:dista|lontano)|jak daleko|"
                  r"hvor langt|hur langt")
_DISTANCE = re.compile(r"\b(?:km|kilomet\w*|miles?|metres?|meters?|metros?|metri)\b")
# A count may have words before its unit ("48 heures ouvrées", "three long
# evenings"); "een", "un", "ein" are also articles, so as counts they are
# their unit's neighbour ("een zool wordt het lichaam" holds no duration).
_DURATION = re.compile(rf"(?<![\w.,])(?:mais de |more than |over |up to |bis zu |hasta |fino a |meer dan |"
                       rf"manj kot |less than |under |do |per |within |innerhalb von |en |in |dans )?"
                       rf"(?:(?:{_DIGITS}\s?|{_AMOUNT}\s)(?:\w+\s){{0,2}}|{_ARTICLE}\s){_UNIT}(?!\w)", re.I)

_ROUND_THE_CLOCK = re.compile(r"(?<![\d/])24\s?/\s?7(?![\d/])|\b24\s?h\s?/\s?24\b|\brund um die uhr\b|"
                              r"\b(?:a|around|round) the clock\b|\bdag en nacht\b|\bjour et nuit\b|\bdia y noche\b|"
                              r"\bgiorno e notte\b|\b24 (?:uur|stunden|hours|heures|horas|ore) (?:per dag|am tag|a day|"
                              r"par jour|al dia|al giorno)\b")
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}", re.I)
_AGE = re.compile(r"\s(?:old|oud|alt|jarig|vecchio|ετων)\b")
_YEAR_NO_TOWN = re.compile(r"(?<!\d)(?:1[89]\d\d|20[0-4]\d)(?!\d)(?! [A-ZÀ-ÞĀ-Ž])")
_POSTCODE = re.compile(r"(?<![\d-])(?:\d{4,5}|\d{2}-\d{3}|\d{3} \d{2}|\d{4}-\d{3}|\d{5}-\d{3})(?![\d-])|"
                       r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_STREET = re.compile(
    r"\b(?:street|st\.|road|rd\.|avenue|lane|drive|way|square|place|rue|chemin|boulevard|calle|avenida|plaza|"
    r"carrer|via|viale|piazza|corso|rua|travessa|ul\.|ulica|utca|u\.|sokak|cadde|mahalle|οδος|cesta|tanav|"
    # Basque, Romanian, Baltic, Slavic, Hungarian, Turkish, Cyrillic and Greek street words
    r"kalea|str\.|strada|calea|aleea|bd\.|iela|gatve|gatvė|aleja|al\.|plac|trg|namesti|náměstí|námestie|"
    r"tér|körút|mah\.|sk\.|cd\.|bulvar\w*|вул\.|вулиця|ул\.|улица|бул\.|булевард|просп\.|проспект|"
    r"λεωφ\.|οδός|business park|industrial estate|"
    # the Nordic and German street words standing apart ("Stora Gatan 1", "Lange Straße 4")
    r"gatan|gata|gade|vej|vägen|vagen|veien|straße|strasse|straat)(?!\w)|"
    # Lithuanian "Joniškėlio g. 13a", "Gedimino pr. 9": a street's name in the genitive, then g./pr.
    r"\w[oųs] (?:g|pr)\.\s*\d|"
    # compounds: "Hauptstraße", "Havenstraat", "Storgatan", "Vestergade"
    r"\w(?:str\.|strasse|straße|weg|platz|gasse|allee|damm|ring|straat|laan|plein|gracht|gatan|gata|gade|vej|vei|"
    r"katu|tie)(?!\w)",
    re.I)
_PROPER = re.compile(r"(?<=[a-zà-ÿ,]) [A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž]{2,}")
_CAPITALISED = re.compile(r"[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’]+(?:[- ](?:von |van |de |der |den |di |da |du |le |la )?"
                          r"[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’]+)+")
# "by" in the languages of the sites: a person's name follows it
# (Dutch "door", by, is not the English door: "next door to the golf club")
_BY = (r"(?:\b(?:by|von|par|por|da|di|av|af|przez)|"
       r"(?<!next )(?<!front )(?<!back )(?<!the )(?<!a )(?<!to )(?<!your )(?<!our )\bdoor)")
# Two first names joined by "and" in the languages of the corpus, then the
# surname they share, ending the phrase ("Schilderwerk Binnen & Buiten" and
# "Bed and Breakfast packages" are no couple).
_COUPLE = re.compile(r"\b([A-ZÀ-Þ][a-zà-ÿ]{2,})\s+(?:and|&|und|et|y|e|en|og|och|ja|és|i|a)\s+([A-ZÀ-Þ][a-zà-ÿ]{2,})"
                     r"(?=\s+([A-ZÀ-Þ][a-zà-ÿ]+)\s*(?:$|[,.;:·!)]))")
# A web designer's credit and the name it gives: no answer to who runs the business.
# (in the sites' languages too: "Diseñado y construido por Carlos Manso", "Realizzato da", "Erstellt von")
_CREDIT_VERB = (r"built|designed|developed|powered|hosted|created|crafted|made|diseñad[oa]|desarrollad[oa]|"
                r"construid[oa]|realizad[oa]|cread[oa]|realizzat[oa]|sviluppat[oa]|progettat[oa]|creat[oa]|"
                r"gemaakt|ontworpen|ontwikkeld|gerealiseerd|erstellt|entwickelt|gestaltet|umgesetzt|realisiert|"
                r"conçu|réalisé|développé|créé|criado|desenvolvido|feito|projetado")
_CREDIT = re.compile(rf"\b(?i:{_CREDIT_VERB})(?:\s+(?i:and|y|e|und|et|en)\s+(?i:{_CREDIT_VERB}))?\s+"
                     r"(?i:by|por|da|door|von|par)\s+(?:[A-Z][\w&.'’-]*\s*){1,4}")
_PERSON_CUE = re.compile(
    # ("owner", not "homeowners")
    r"(?<!home)owner|founder|founded by|run by|managing director|director|\bceo\b|manager|hosts?\b|chef\b|\bdr\.|\bmag\.|"
    r"inhaber|\binh\.|grunder|gegrundet von|titularidad|"
    r"geschaftsfuhr|rechtsanwalt|notar|leitung|proprietaire|fondateur|gerant|"
    r"dueno|propietari|fundador|titolare|fondatore|eigenaar|eigenares|oprichter|oprichtster|proprietario|wlasciciel|tulajdonos|"
    r"vlasnik|lastnik|omanik|impressum|verantwortlich|responsible|"
    # a degree or title by the name ("Ana Leder, mag. psych.", "Dipl.-Ing."), a name's label
    r"directeur|directrice|dirigeant|direkt[oø]r|responsable|gerente|geschaftsfuhrerin|inhaberin|\banwalt(?:in)?\b|avocat|abogad|avvocat|"
    # a law office named after its lawyer ("Kanzlei Christina Winter"), not its fees ("Anwaltskosten")
    r"\bkanzlei\b|\bkancelaria\b|studio legale|advocatenkantoor|"
    r"advocaat|notaire|notaio|therapeut|terapeut|psiholog|psycholog|psicolog|ansprechpart|"
    # "Kontakt: Hans Meier", "contact person": a label, not the menu's "Kontakt"
    r"(?:kontakt|contact)(?:\s*:|\s?pers)|"
    r"represent|rappresentant|administrat|amministrat|bestuurder|socio|associe|partner|"
    # ("eier" is no owner in "Vereinsfeier"; "huvudägaren" is one)
    r"agare|grundare|\bvd\b|verkstallande|\bejer(?:en|e)?\b|indehaver|\beier(?:en|e)?\b|daglig leder|omistaja|"
    r"toimitusjohtaja|perustaja|"
    # a master craftsman's title, and "is run by" ("bagermester Mads Warny Kristensen",
    # "I dag drives det af hende og hendes søn", "geführt von")
    r"\w*(?:mester|meister|mastare)\b|\bdrives? (?:af|av)\b|\bdrivs av\b|gefuhrt von|betrieben von|"
    r"\bmag\.|\bdipl\.|\bing\.|\bprof\.|\bmgr\.|\b(?:mu|ju|phd|rn|mv)dr\.|\bpsych|\bmsc\b|\bbsc\b|\bphd\b|\bmba\b|\bdds\b|\bmd\b|"
    r"\bname\s*:|\bnev\s*:|\bnom\s*:|\bnombre\s*:|\bnome\s*:|\bnaam\s*:|\bimie|\bjmeno\s*:|\bime\s*:", re.I)


# A register's or tax authority's number asked for, and what one looks like
_IDENTIFIER_ASKED = re.compile(r"registration|\bregister(?:ed)? (?:number|no)|registry (?:code|number|no)|registrikood|"
                               r"company (?:number|no|id)|"
                               r"organi[sz]ation(?:al)? (?:number|no|id)|\borg\.? ?(?:nr|no)\b|business id|"
                               r"\bvat\b|tax (?:id|number|no)|\b(?:kvk|cvr|siret|siren|rcs|nip|regon|krs|ico|dic|"
                               r"y-tunnus|abn|acn|uid|cif|nif|oib|afm|αφμ)\b|handelsregister|registernummer|"
                               r"organisationsnummer|organisasjonsnummer|steuernummer|ust-?id|partita iva|codice fiscale|"
                               r"numero (?:de )?(?:tva|siret|siren)|kamer van koophandel|btw")
_IDENTIFIER_RUN = re.compile(r"\+?[A-Z]{0,3}\d[\d .\-/]{3,}\d")
# A register's initials the question names ("What ERS registration number…?"),
# and a number right after them in a sentence ("(ERS - 26800/Lic. 13205)")
# ...not a measure ("200cm", "3.90m", "12kW"), which no brand is
_MEASURE = re.compile(r"\d+(?:[.,]\d+)?(?:mm|cm|m|km|m2|m3|kg|g|kw|w|l|ml|h|min|s|x\d+)", re.I)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _after_asked_acronym(question: str, sentence: str) -> bool:
    return any(re.search(rf"\b{acronym}\b\W{{0,4}}\d", sentence) for acronym in set(_ACRONYM.findall(question)))


_LABELLED_IDENTIFIER = re.compile(
    r"(?:registr\w*|register\w*|\bhr[ab]\b|\bkvk\b|\bcvr\b|siret|siren|\brcs\b|\bvat\b|\bust\b|ust-?id\w*|\buid\b|"
    r"\bnip\b|\bregon\b|\bkrs\b|\bico\b|\bdic\b|y-tunnus|\babn\b|\bacn\b|\bcif\b|\bnif\b|\boib\b|αφμ|\bbtw\b|"
    r"umsatzsteuer\w*|mwst\w*|\btva\b|\biva\b|\bmoms\w*|\bmva\b|\balv\b|"
    r"org\.? ?n(?:r|o)|organi[sz]ation\w*|organisasjonsnummer|company (?:number|no)|steuernummer|partita iva|p\.? ?iva|"
    r"codice fiscale|numero (?:de )?tva)[^\d]{0,25}\d[\d .\-/]{2,}\d")
_VAT = re.compile(r"\bvat\b|\bust\b|ust-?id|umsatzsteuer|mwst|\btva\b|\biva\b|\bbtw\b|\bmoms|\bmva\b|\balv\b|"
                  r"\bnip\b|\bdic\b|\bcif\b|\bnif\b|\bafm\b|αφμ|\buid\b")
_PHONE_WORD = re.compile(r"\b(?:tel|telefon|telephone|phone|mobil|mobile|fax|handy|gsm|puh|tlf)\b")
# A postcode asked for, in the languages of the question words: answered by
# a sentence holding one, not by a street alone
_POSTCODE_WORDS = (r"\b(?:postal code|postcode|post code|zip code|zip|postleitzahl|plz|code postal|codigo postal|"
                   r"codice postale|postnummer|kod pocztowy|postinumero|iranyitoszam|psc|"
                   r"postna stevilka|postanski broj|pasto kodas|pasto indeksas|pasta indekss|postiindeks|posta kodu|"
                   r"cod postal|codigo postal|ταχυδρομικος κωδικας|поштенски број|пощенски код|поштовий індекс|"
                   r"почтовый индекс)\b")
POSTCODE_ASKED = re.compile(_POSTCODE_WORDS)
# "In which town is it registered?" asks for a place, though "registered" asks for a number elsewhere.
# The town asked for: "which town", "Dans quelle ville", "In welchem Ort", "En qué ciudad"
_TOWN_WORDS = (r"\b(?:which|what) (?:town|city|village)\b|"
               r"\bquel(?:le)? (?:ville|commune|localite|village)\b|"
               r"\b(?:que|cual|qual|quale|che) (?:ciudad|pueblo|localidad|cidade|citta|paese|comune|localita)\b|"
               r"\bwelche[mnrs]? (?:stadt|ort|ortschaft|gemeinde)\b|\bwelke (?:stad|plaats|gemeente)\b|"
               r"\b(?:w )?(?:jakim|ktorym) miescie\b|\b(?:v )?(?:jakem|kterem) meste\b|\bmelyik (?:varos|telepules)|"
               r"\b(?:hvilken|vilken) (?:by|stad|ort|kommune)\b|\bmissa kaupungissa\b|\bhangi (?:sehir|ilce)\b")
_TOWN_ASKED = re.compile(_TOWN_WORDS)
# ... which a town named after "in" answers: "Découvrez le Haras d’Azur à Tarascon"
_IN_TOWN = re.compile(r"(?:^|\s)(?:in|à|a|en|im|in der|i|w|we|v|ve|u|в|у|στο|στη|ad|au|te|nach)\s+[A-ZÀ-ÞĀ-ſΑ-ΩА-Я][\w'’-]{2,}")
_PLACE_FIRST = re.compile(r"\b(?:which|what) (?:town|city|village|country|region|district|sector|street)\b|"
                          + _TOWN_WORDS + "|"
                          r"\bstreet address\b|" + _POSTCODE_WORDS + "|"
                          # an address asked for by its word, after "which"/"ποια" that would ask who
                          r"(?<!web )(?<!ip )(?<!site )\b(?:address|adresse|anschrift|direccion|indirizzo|adres|"
                          r"endereco|morada|διευθυνση|adresa|адрес\w*|адреса\w*)\b")

# A word of a person's name as written in a sentence: a capital, then lower case
_TITLE_CASE_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’-]+")

# The region or area a business serves, asked for ("In which region does it
# carry out its jobs?", "What area do you cover?"): a label naming it answers.
_REGION_ASKED = re.compile(r"\b(?:which|what) (?:regions?|areas?|zones?|districts?)\b|\bservice areas?\b|"
                           r"\bareas? (?:served|covered|do you (?:serve|cover))\b")
_REGION_TERMS = frozenset({"region", "area"})
_LABEL_WORDS = 3  # a label's words at most: "Oblast", "Service area", "Zone d'intervention"

# "Which year", in any language, asks for a year ("Ποια χρονιά ξεκίνησε...": "ποια" alone asks who).
_YEAR_ASKED = re.compile(r"what year|which year|welk(?:e)? jaar|\bsinds\b|welches jahr|in welchem jahr|quel(?:le)? annee|"
                         r"\bque ano\b|\bqual ano\b|\bquale anno\b|\bktory rok\b|\bw ktorym roku\b|melyik ev|"
                         r"\bhangi yil|ποια χρονια|ποιο ετος|\bkoje godine\b|\bkatero leto\b|\bvilket ar\b|"
                         r"\bhvilket ar\b|\bminä vuonna\b|\bmina vuonna\b|"
                         # Icelandic "hvaða ár" (not Hungarian "ár", a price), "hvenær"
                         r"\bhva[dð]a ar\b|\bhvenaer\b|"
                         # Romanian "din ce an" (from which year), "în ce an", "de când"
                         r"\b(?:din|in|de la) ce an\b|\bde cand\b")

# The question words of the languages not written in Latin letters or Cyrillic, by
# kind, in the order they are tried: Japanese and Chinese (no spaces: a cue is
# found inside the clause), Korean, Hebrew, Arabic and Thai. "定休日はいつですか"
# asks for days (hours) before "いつ" asks when; "何年に開院" asks for a year,
# "何年間" for a duration; Arabic "من" is "who" only as "من هو/هي" (alone it is
# "from").
_SCRIPT_CUES = [
    ("email", "メール|邮箱|电子邮件|電子郵件|이메일|אימייל|מייל|דוא\"ל|البريد الإلكتروني|إيميل|ايميل|อีเมล"),
    ("phone", "電話|携帯番号|ファックス|电话|전화|טלפון|פקס|هاتف|الهاتف|جوال|واتساب|فاكس|โทรศัพท์|เบอร์โทร"),
    ("when", "何年に|何年から|何年ですか|年月日|何年創業|何年設立|哪一年|哪年|몇 년도|באיזו שנה|מאיזו שנה|מאיזה שנה|"
             "في أي سنة|في أي عام|منذ متى|منذ أي عام|ปีใด|ปีไหน|ปีอะไร"),
    ("price", "いくら|料金|値段|価格|費用|多少钱|多少錢|价格|價格|费用|收费|가격|얼마|요금|비용|כמה עולה|מחיר|עלות|"
              "سعر|بكم|تكلفة|كم يكلف|رسوم|ราคา|เท่าไหร่|เท่าไร|ค่าบริการ"),
    ("hours", "営業時間|診療時間|受付時間|定休日|休診日|休業日|何時|营业时间|營業時間|几点|幾點|영업시간|영업 시간|"
              "운영시간|휴무|何曜日|무슨 요일|באיזה יום|באילו ימים|أي يوم|أي أيام|שעות|סגור|סגורה|ساعات|مواعيد|أوقات|مغلق|مغلقة|เวลาทำการ|เวลาเปิด|เวลาใด|กี่โมง"),
    ("duration", "何分|何年間|何日|どのくらい|かかりますか|多久|多长时间|얼마나 걸|כמה זמן|كم من الوقت|นานเท่าไหร่"),
    ("number", "何人|何台|何件|何種類|いくつ|法人番号|登録番号|多少|几个|幾個|몇|כמה|كم|رقم|الرقم|กี่"),
    ("person", "誰|院長|代表|社長|店長|オーナー|創業者|氏名|名前|谁|老板|创始人|創辦人|负责人|負責人|누구|대표|원장|사장|"
               "מי|בעלים|מייסד|מייסדת|מנהל|מנהלת|من هو|من هي|من يملك|من أسس|صاحب|مؤسس|مدير|ใคร|เจ้าของ|ผู้ก่อตั้ง"),
    ("when", "いつ|設立|創業|創立|開院|開業|什么时候|什麼時候|成立|언제|설립|מתי|ממתי|متى|تأسس|تأسست|เมื่อไร|เมื่อไหร่|ก่อตั้ง"),
    ("place", "どこ|住所|所在地|最寄り|場所|アクセス|哪里|哪裡|地址|在哪|어디|주소|위치|איפה|היכן|כתובת|מיקום|"
              "أين|عنوان|موقع|تقع|يقع|ที่ไหน|ที่อยู่|ตั้งอยู่"),
]
# (a short Hebrew or Arabic cue is a word of its own: "מי" is not in "מים", "كم" not in "حكم")
_SPACED_SCRIPT = re.compile(r"[\u0590-\u06ff]")


def _script_asks() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for kind, cues in _SCRIPT_CUES:
        parts = []
        for cue in cues.split("|"):
            cue = re.escape(fold(cue))
            parts.append(rf"(?<!\w){cue}(?!\w)" if len(cue) <= 3 and _SPACED_SCRIPT.search(cue) else cue)
        out.append((kind, re.compile("|".join(parts))))
    return out


_SCRIPT_ASKS = _script_asks()


# The words of an English question that only name the kind of value asked for
# ("street address", "opening hours", "who founded"): a page in another
# language never repeats them, so the value itself stands for them.
KIND_WORDS = {
    "place": "address adress adresse street located location where town city village postcode zip based sector "
             "district region country area anschrift strasse direccion calle indirizzo adres endereco morada adresa "
             "ulica cim osoite aadress postal code διευθυνση",
    "hours": "opening open hours hour time times offnungszeiten oeffnungszeiten horaires horaire horario horarios "
             "orari orario openingstijden openingsuren",
    # (not a role: "Who is the head chef?" is not answered by the owner; the
    # glossary gives a role's word in the page's language)
    "person": "who owns founded ceo head contact person behind run runs",
    "when": "when year founded established since started opened",
    "price": "price prices pricing cost costs fee fees rate rates charge much",
    "email": "email mail address",
    "phone": "phone telephone number call",
    "number": "how many number",
    "name": "brand brands make model models device machine system software technology standard standards "
            "certification authority bank label",
    "duration": "long quickly fast soon far time take takes day days week weeks month months year years hour hours "
                "minute minutes",
}


# Units of time in the languages of the question words, by the English unit.
_UNITS = {
    "minute": "minutes minuten minutos minuti minut minuta perc dakika minutter minuter minuttia minutit minutid "
              "minūtes minučių λεπτά",
    "hour": "hours stunden heures horas ore uur godzin hodin ur uri sati óra saat valandų timmar timer tundi stundas "
            "ώρες",
    "day": "days tage tagen jours días dias giorni dagen dni dny dana dienas dienų nap gün dagar dage dager paivaa "
           "workday workdays werkdag werkdagen werktag werktage werktagen arbeitstag arbeitstage arbeitstagen "
           "arbetsdag arbetsdagar arbejdsdag arbejdsdage arbeidsdag arbeidsdager päeva tööpäeva ημέρες",
    "week": "weeks wochen semaines semanas settimane weken tygodni týdnů tjedna tednov hét hafta veckor uger uker viikkoa "
            "nädalat nedēļas savaitės εβδομάδες",
    "month": "months monate mois meses mesi maanden miesięcy měsíců mjeseci mesecev hónap ay månader måneder kuud "
             "mēneši mėnesių μήνες",
    "year": "years jahre jahren ans années años anos anni jaar jaren lat lata let roky rokov godina godine metų év éve "
            "yıl χρόνια år vuotta aastat gadi",
}

# The words a page uses next to the value of each kind, in the languages of the
# question words (searched as well, so that an English question finds the
# Croatian price list or the Italian opening hours).
SEARCH_WORDS = {
    "place": "address adresse adresa adres anschrift dirección indirizzo endereço morada cím osoite aadress adresas "
             "adresi адрес адреса adressen straße strasse calle avenida via rua ulica sokak cadde sede located",
    "hours": "opening hours öffnungszeiten horaires horario horarios orari orario apertura openingstijden godziny "
             "otwarcia nyitvatartás radno vrijeme radno vreme delovni čas darbo laikas çalışma saatleri ωράριο графік график "
             "öppettider åbningstider åpningstider aukioloajat "
             # (and the days a week's hours run from and to, which a footer's
             # "Mon–Fri 8am–5pm" gives without a word for hours)
             "monday mon friday fri saturday sat montag freitag samstag lundi vendredi samedi lunes viernes "
             "sábado lunedì venerdì sabato maandag vrijdag zaterdag poniedziałek piątek pondělí pátek",
    "price": "price prices preis preise prix tarif tarifs precio precios prezzo prezzi prijs prijzen preço cena "
             "cijena ceny díja ára fiyat τιμή ціна цена pris priser kaina hind eur euro eura evra kn kr ft zł kč "
             "lei chf",
    "person": "owner founder inhaber inhaberin gründer gründerin geschäftsführer geschäftsführerin propriétaire "
              "fondateur fondatrice gérant gérante dueño dueña propietario fundador fundadora titolare fondatore "
              "eigenaar oprichter proprietário właściciel założyciel majitel jednatel vlasnik vlasnica osnivač "
              "lastnik direktor tulajdonos alapító sahibi kurucu ιδιοκτήτης власник засновник владелец директор "
              "ägare grundare ejer indehaver omistaja perustaja savininkas steigėjas ceo pendiri pemilik",
    "when": "founded gegründet seit fondé fondée depuis fundado fundada desde fondato fondata dal opgericht sinds "
            "założona założony založena osnovan osnovana ustanovljen alapítva kuruldu ιδρύθηκε заснована основана "
            "grundat grundlagt perustettu įkurta since established didirikan berdiri sejak",
    "duration": " ".join(units for units in _UNITS.values()),
}


# Where a small business states a value of each kind: its people on the
# about or team page (and in the legal notice, which names who is
# responsible), its address, numbers and hours on the contact page (and the
# legal notice, which must give them), its founding on the about page.
STATING_PAGES = {
    "person": frozenset({"about", "team", "legal"}),
    "place": frozenset({"contact", "legal"}),
    "hours": frozenset({"contact"}),
    "email": frozenset({"contact", "legal"}),
    "phone": frozenset({"contact", "legal"}),
    "when": frozenset({"about"}),
}


# A price list's own page, by the last part of its address: "/preise",
# "/tarifs", "/cjenik", "/arlista" (Hungarian "árlista"), "/hinnasto".
_PRICE_PAGE = re.compile(
    r"(?:^|[-_])(?:prices?|pricing|price-?list|preise|preisliste|tarife?|tarifs?|tarifas?|tariffe|tarieven|prezzi|listino|"
    r"precios|prijzen|prijslijst|precos|cennik|cenik|cjenik|cenovnik|ceny|cene|arlista|arak|hinnasto|hinnat|priser|"
    r"prisliste|prislista|fiyatlar|fiyat|timokatalogos|kainos|kainorastis|hinnakiri)(?:$|[-_.])")


# A page the question names ("according to the Impressum", "on its contact
# page", "in the privacy policy"): where the answer is, whatever its kind.
_NAMED_PAGES = (
    ("contact", re.compile(r"\bcontact page|kontaktseite|page (?:de )?contact|pagina de contacto|contactpagina")),
    ("privacy", re.compile(r"privacy (?:policy|notice|statement)|datenschutzerklarung|politique de confidentialite|"
                           r"politica de privacidad|politica de privacidade|privacybeleid|privacyverklaring|"
                           r"informativa (?:sulla )?privacy|polityka prywatnosci")),
    ("terms", re.compile(r"terms (?:and|&) conditions|terms of (?:service|use|sale|business)|\bagb\b|conditions generales|"
                         r"terminos y condiciones|algemene voorwaarden|termini e condizioni")),
    ("legal", re.compile(r"legal notice|impressum|\bimprint\b|mentions legales|aviso legal|note legali")),
    ("about", re.compile(r"\babout (?:us )?page")),
)


# The parts of a page's title: "Impressum | Gasthof Spessartruh".
_TITLE_PARTS = re.compile(r"\s*[|\u2013\u2014\u00b7:\u00bb/]\s*|\s+-\s+")


def _url_role(url: str, title: str = "") -> str | None:
    """A page's role by its URL; a folder's index by the folder's name
    ("/contact/index.html"); else by a part of its title, read as the text
    of a link to it: "/impress/" is named "Impressum | Gasthof…"."""
    role = page_role(url)
    if role is None:
        folder = re.sub(r"(?:/index\.html?|/)$", "", url.split("?")[0].split("#")[0])
        role = page_role(folder) if folder != url else None
    if role is None and title:
        role = next((r for part in _TITLE_PARTS.split(title) if part and (r := page_role(url, part))), None)
    return role


def named_page(question: str) -> Callable[[str, str], bool] | None:
    """Whether a page, by its URL and title, is the one ``question`` names
    ("according to the Impressum"); None when it names none."""
    folded = fold(question)
    named = next((role for role, pattern in _NAMED_PAGES if pattern.search(folded)), None)
    if named is None:
        return None
    return lambda url, title="": _url_role(url, title) == named


def stating_pages(question: str, kind: str | None) -> Callable[[str, str], bool] | None:
    """Whether a page, by its URL and title, is where a business states the value
    ``question`` asks for: the page the question names, else
    ``STATING_PAGES`` (a price on the price list's page); None for a kind
    without one."""
    on_named = named_page(question)
    if on_named is not None:
        return on_named
    if kind == "price":
        return lambda url, title="": bool(_PRICE_PAGE.search(fold(url.rstrip("/").rpartition("/")[2]).removesuffix(".html")))
    roles = STATING_PAGES.get(kind or "")
    if not roles:
        return None
    return lambda url, title="": _url_role(url, title) in roles


def holding(question: str, kind: str | None) -> Callable[[str], bool] | None:
    """Whether a passage holds a value of the kind ``question`` asks for
    (one of its sentences or lines surely does); None for a question that
    asks for no kind of value."""
    if kind is None:
        return None

    def holds(text: str) -> bool:
        units = sentences(text)
        if kind == "place":
            from ..extract.addresses import addresses_in_lines

            # an address over lines ("Violens Kvt 4A," / "2620 Albertslund")
            if any(a.get("street") and (a.get("postal_code") or a.get("locality")) for a in addresses_in_lines(units)):
                return True
        if kind == "person":
            # a team card: the name on its line, the role on the next ("Daniel
            # Jarlkov Buch Varle" / "Direktør"), read together as the answerer reads it
            units = units + [f"{a} · {b}" for a, b in zip(units, units[1:]) if is_name_line(a)] + first_name_cards(units)
        return any(holds_kind(unit, kind, question) >= 1.0 for unit in units)

    return holds


# A unit's short forms, besides its words in _UNITS.
_UNIT_ABBREVIATIONS = {"minute": "min mins", "hour": "h hr hrs std", "day": "d", "week": "wk wks", "month": "mo",
                       "year": "yr yrs"}


def _unit_words() -> dict[str, str]:
    """Folded word -> English unit; a word two units share goes to the first."""
    words: dict[str, str] = {}
    for unit, written in _UNITS.items():
        for word in f"{unit} {unit}s {written} {_UNIT_ABBREVIATIONS.get(unit, '')}".split():
            words.setdefault(fold(word), unit)
    return words


_UNIT_WORDS = _unit_words()


# "How soon / how quickly": a wait, in minutes to weeks, not years of experience
_SOON = re.compile(r"^\W*how (?:soon|quickly|fast)\b|\b(?:wie schnell|hoe snel|jak (?:szybko|rychle)|hur snabbt|"
                   r"hvor hurtigt|hvor raskt|kuinka nopeasti|con que rapidez|quanto rapidamente|a quelle vitesse)\b")
_SOON_UNITS = frozenset({"minute", "hour", "day", "week"})


def _units_named(question: str) -> set[str]:
    """The units of time a question names ("how many years", "wie viele
    Tage"), or implies ("how soon": minutes to weeks)."""
    folded = fold(question)
    words = set(re.findall(r"\w+", folded))
    named = {unit for unit in _UNITS if re.search(rf"\b{unit}s?\b", folded)} | \
        {_UNIT_WORDS[w] for w in words if w in _UNIT_WORDS and len(w) > 3}
    return named or (set(_SOON_UNITS) if _SOON.search(folded) else set())


def _unit_of(span: str) -> str | None:
    """The unit of a duration as written ("14 ar" -> year, "10 minuti a
    piedi" -> minute), None when it is not one of time (km)."""
    return next((_UNIT_WORDS[w] for w in re.findall(r"\w+", span) if w in _UNIT_WORDS), None)


def search_words(question: str, kind: str | None) -> str | None:
    """The words a passage answering ``question`` would use for its value
    (``SEARCH_WORDS``); for a duration, the unit the question names ("how
    many years": years in every language), when it names one."""
    if kind == "duration":
        named = [words for unit, words in _UNITS.items() if re.search(rf"\b{unit}s?\b", fold(question))]
        if named:
            return " ".join(named)
    return SEARCH_WORDS.get(kind or "")


_PARTICLES = frozenset("von van de der den di da du le la del della dos das ten ter".split())
# a first name alone is a person's right after these ("contact Colin", "ask for Maria")
# ("delivered by Georgia"; not German "von": its nouns have capitals, "von Außen")
_NAME_AFTER = frozenset("contact kontakt kontaktieren call ask speak write email mail by par por door van "
                        "owner founder inhaber inhaberin".split())


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def names_asked(question: str, site: str | None) -> str | None:
    """The names a question gives, past its first word ("Which line serves
    the Parque Polvoranca station?": "Parque Polvoranca"), but the site's
    own (its host's words): they say which passage, not which site."""
    host = re.sub(r"[^a-z]", "", fold(site or ""))
    words = _NAME_WORD.findall(question)[1:]
    names = [w for w in words if w[0].isupper() and len(w) >= 3 and fold(w) not in host
             and fold(w) not in _NOT_NAMES]
    return " ".join(names) or None


# capitalised words a question holds that name no thing of the page
_NOT_NAMES = frozenset("what which where when who whom whose how does did the and for are was were can could "
                       "english impressum".split())


def _named_street(text: str) -> bool:
    """A street's name, every word capitalised, and its house number (no year):
    "Κωνσταντίνου Καραμανλή 67", "Folnegovićeva 1b"."""
    match = _NAME_AND_NUMBER.match(text)
    if match is None or _YEAR.search(text):
        return False
    return all(_capital(word) for word in re.findall(r"[^\W\d_][\w'’.-]*", text))


def _capital(word: str) -> bool:
    return word[0].isupper() and (any(c.islower() for c in word[1:]) or 2 <= len(word) <= 4 and word.isupper())


def _names(sentence: str) -> list[list[str]]:
    """Runs of capitalised words read as a person's name ("Ana Leder", "Lifeng
    HU", "Jan van der Berg", "Kadir OZDEMIR"), and a first name alone right
    after a word such as "contact" ("contact Colin by calling"). Upper case is
    the letter's own, in any script: "či" of Croatian text is no capital.

    A name's words stand next to each other, with nothing but spaces between
    them (or the period of a middle initial, "Milton S. Uehara"): a comma, a
    colon, a dash or a number ends the run, so "Rue Ribot, 93700 Drancy" and
    "Tél. : 07 48 65 95 44 — E-mail" are no names. A surname written in
    capitals, as French and Spanish sites write it, continues a run that a
    first name began ("Claire CUISENIER")."""
    matches = list(re.finditer(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*", sentence))
    words = [m.group() for m in matches]
    out: list[list[str]] = []
    run: list[str] = []
    for i, word in enumerate(words + [""]):
        # only spaces (or an initial's period) since the word before
        gap = sentence[matches[i - 1].end():matches[i].start()] if i > 0 and word else ""
        joined = bool(re.fullmatch(r"\s+", gap) or (re.fullmatch(r"\.\s+", gap) and len(words[i - 1]) == 1))
        if run and not joined:
            _end_run(run, out, words, i)
            run = []
        if word and _capital(word) and not (word.isupper() and not run):
            run.append(word)
            continue
        # a surname in capitals first, as French forms write a person ("M. KEUNEBROEK
        # Olivier", "DUPONT Jean"): it starts a run its first name goes on
        if (not run and len(word) >= 4 and word.isupper() and not LEGAL_FORM.fullmatch(word) and i + 1 < len(words)
                and _capital(words[i + 1]) and not words[i + 1].isupper()
                and re.fullmatch(r"\s+", sentence[matches[i].end():matches[i + 1].start()])):
            run.append(word)
            continue
        if run and word.isupper() and len(word) > 1 and any(not w.isupper() for w in run):
            run.append(word)  # "Kadir OZDEMIR"
            continue
        # a middle initial ("Héctor A. García", "Milton S. Uehara"): inside a
        # run, followed by another capitalised word
        if run and len(word) == 1 and word.isupper() and i + 1 < len(words) and _capital(words[i + 1]):
            run.append(word)
            continue
        if run and word.lower() in _PARTICLES:
            j = i
            while j < len(words) and words[j].lower() in _PARTICLES:
                j += 1
            if j < len(words) and _capital(words[j]):
                run.append(word)
                continue
        if run:
            _end_run(run, out, words, i)
        run = []
    return out


_HONORIFIC = re.compile(r"^(?:(?:Dr|Dra|Prof|Mr|Mrs|Ms|Mag|Ing|Dipl\.-Ing|Avv|Dott|Dott\.ssa|Dottssa|Mme|Mlle|Sr|Sra|Hr|Fr|Eng)\.?\s+"
                        # (and the degree after a German "Dr.": "Dr. med. Tilman Markert", "Dr. rer. nat.")
                        r"|(?:med|dent|vet|rer|nat|phil|jur|habil)\.\s+)+")


_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Herr|Frau|Mme|Mlle|Sig\.ra|Sra|Sr|Dr|Dra)\.?\s+"
                          r"(?:(?:&|and|und|et|y|e)\s+(?:Mrs|Frau|Mme|Sra|Dr)\.?\s+)?[A-ZÀ-ÞĀ-ſ][a-zà-ÿā-ſ]+")


def is_name_line(text: str) -> bool:
    """A line that is a person's name and nothing else ("Mila Zanforlin",
    "Héctor A. García", "Alina Zaharia, MA"): the head of a team card."""
    if re.search(r"\d", text):
        return False  # "Von Støckens Plads 2": a street
    if all(fold(w.strip(".,&")) in _ROLE_WORDS or _PERSON_CUE.search(fold(w)) for w in text.split() if w.strip(".,&")):
        return False  # "Managing Director": the role under the name
    text = _HONORIFIC.sub("", text)  # "Dr. Joan Carrera Guiu"
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    names = _names(text)
    if not (2 <= len(words) <= 6 and len(names) == 1 and len(names[0]) >= len(words) - 2
            and fold(text).startswith(fold(names[0][0]))):
        return False
    # a heading in title case ("Il Nostro Team") has words no name has
    name = names[0]
    return not any(len(w) > 1 and fold(w) in STOP_WORDS and (i == 0 or w.lower() not in _PARTICLES)
                   for i, w in enumerate(name))


def _end_run(run: list[str], out: list[list[str]], words: list[str], i: int) -> None:
    # (a name's particle is no day: "di" in "Dolci Sapori di Valentini Maria Angela" is no Dutch Tuesday)
    if _WEEKDAY.search(fold(" ".join(w for w in run if w.lower() not in _PARTICLES))):
        return  # "Von Montag bis Freitag"
    if len(run) >= 2 and any(not w.isupper() for w in run):
        out.append(list(run))
    elif len(run) == 1 and i > 1 and fold(words[i - 2]) in _NAME_AFTER:
        out.append(list(run))


_BETWEEN_ASKED = re.compile(r"\bbetween (?:which|what)\b|\bentre (?:quels?|quelles?|que|cuales|quali|quais)\b|"
                            r"\bzwischen welchen\b|\btussen welke\b|"
                            # (and the corner it stands on: "on the corner of which two streets?")
                            r"\bcorner of (?:which|what)\b|\bwhich two streets\b")
# Where a thing comes from, not where the business is: "Where does the beef come from?"
ORIGIN_ASKED = re.compile(r"^\W*where\b.*\b(?:come|comes|came|coming) from\b|^\W*where\b.*\b(?:sourced|grown|made|"
                           r"produced|imported|originate|originates)\b|\bwoher (?:kommt|kommen|stammt|stammen)\b|"
                           r"\bd.ou (?:vient|viennent|provient|proviennent)\b|\bwaar komt\b.*\bvandaan\b|"
                           r"\bde donde (?:viene|vienen|proviene|provienen)\b|\bda dove (?:viene|vengono|proviene)\b")


def asked_kind(question: str) -> str | None:
    """The kind of value that answers ``question``: email, phone, price,
    hours, number, when, place, person; None for anything else."""
    folded = fold(question)
    if _BETWEEN_ASKED.search(folded):
        return None  # "between which two areas is it located?": the lie of the land, in the page's words
    if ORIGIN_ASKED.search(folded):
        return None  # "where does the beef come from?": a thing's origin, in the page's words
    # (not "costa": "the street address of Posta del Este in Costa del Este")
    if _PLACE_FIRST.search(folded) and not re.search(r"e-?mail|phone|\bprice|\bcost(?:s|ing)?\b", folded):
        return "place"
    if _YEAR_ASKED.search(folded):
        return "when"
    if POSTCODE_ASKED.search(folded):
        return "place"  # the postcode, in the site's language: "Koks yra pašto kodas?"
    for kind, pattern in _ASKS:
        if pattern.search(folded):
            return kind
    for kind, pattern in _SCRIPT_ASKS:
        if pattern.search(folded):
            return kind
    # a register's or tax number by its name alone ("What is the ABN?")
    if _IDENTIFIER_ASKED.search(folded):
        return "number"
    return "name" if _NAME_ASKED.search(folded) or _EXPANSION_ASKED.search(folded) else None


# What an acronym stands for: its words, a thing's own name ("IPDM": "Institute
# of Personal Development, Multan")
_EXPANSION_ASKED = re.compile(r"\bstands? for\b|\babbreviation\b|\bacronym\b|\bshort for\b")
_ACRONYM_ASKED = re.compile(r"\b[A-Z][A-Z&]{1,7}\b")
_SMALL_WORD = 4  # "of", "and", "for", "des": the words an acronym skips


def _spells(sentence: str, acronym: str) -> bool:
    """Whether capitalised words of ``sentence`` in a row, with small
    lower-case words between them, start with the letters of ``acronym``."""
    letters = acronym.replace("&", "").upper()
    words = re.findall(r"[^\W\d_]+", sentence)
    for start, first in enumerate(words):
        if not first[0].isupper() or first[0].upper() != letters[0]:
            continue
        spelt = ""
        for word in words[start:]:
            if word[0].isupper():
                spelt += word[0].upper()
            elif not (word.islower() and len(word) <= _SMALL_WORD and spelt):
                break
            if not letters.startswith(spelt):
                break
            if spelt == letters:
                return True
    return False


# A thing's own name asked for: "Which brand of essential oils…", "Which
# British Standard…", "Which authority has licensed…" (a brand, a model, a
# code, an acronym: what a page names in capitals or with digits)
_NAME_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:brand|brands|make|model|models|device|machine|"
                         r"system|software|technology|standard|standards|certification|authority|bank|label)\b")
# ...and how a page writes one: letters and digits ("M3-1325", "CL-100",
# "17025:2018"), an acronym ("ANRE", "SAPHIR", "FAST&FLUID"), a brand's
# inner capital ("doTerra")
_CODE = re.compile(r"(?=[\w&.:/-]*\d)(?=[\w&.:/-]*[^\W\d_])[\w][\w&.:/-]*\w")
_ACRONYM = re.compile(r"[^\W\d_]{2,7}(?:&[^\W\d_]{2,7})?")  # (in capitals: str.isupper)
# a brand written with a capital inside ("HekimBoard", "iQuatro"), not the
# platforms a page links to ("WhatsApp", "LinkedIn": no product of the business)
_INNER_CAPITAL = re.compile(r"[A-Z]?[a-z]{2,}[A-Z][a-z]+")
_PLATFORMS = frozenset("whatsapp linkedin youtube paypal tiktok facebook instagram tripadvisor booking".split())
# capitals a page sets as menu items and labels, not names
_CAPITALS_WORDS = frozenset("home menu about shop blog news faq tel fax email mail info more contact the and our "
                            "for with new top sale open book call".split())


def _glued(token: str) -> bool:
    """Two words a page's markup ran together ("Read moreFrom €", "Back to
    HomeMaterial Science"): a menu word before the inner capital (not "doTerra")."""
    return fold(re.split(r"(?<=[a-z])(?=[A-Z])", token)[0]) in _CAPITALS_WORDS


# A question for the company behind a brand or a site, whose answer is a
# legal entity rather than a person.
_ASKS_COMPANY = re.compile(r"\b(?:which|what) (?:(?!kind\b|type\b|sort\b)[a-z]+ ){0,3}(?:company|firm)\b|\b(?:which|what) (?:legal|business) entity\b|\blegal (?:name|entity)\b|"
                           r"\bregistered (?:name|company)\b|razon social|denominacion social|raison sociale|"
                           r"firmenname|welche firma|quelle (?:societe|entreprise)|que empresa|quale (?:societa|azienda)")
# A legal form after a company's name, as registers write it.
LEGAL_FORM = re.compile(r"\b(?:GmbH|gGmbH|AG|KG|UG|OHG|GbR|e\.K\.|Ltd|Limited|LLC|Inc|PLC|LLP|S\.?L\.?U?|S\.?A\.?U?|"
                         r"SAS|SARL|S\.à r\.l\.|Sàrl|EURL|S\.?R\.?L\.?|S\.?p\.?A\.?|S\.?n\.?c\.?|B\.?V\.?|N\.?V\.?|"
                         r"BVBA|SPRL|ApS|A/S|AS|AB|Oy|Oyj|UAB|Kft|Zrt|Lda|Ltda|d\.o\.o\.|s\.r\.o\.|"
                         r"Sp\. z o\.o\.|sp\. z o\.o\.)(?!\w)")


# A person's role in Japanese, Chinese or Korean, then the name (a family
# name and a given name of Chinese characters or kana, a space between or not)
_CJK_NAMED = re.compile(r"(?:代表者|代表取締役|代表|院長|店長|社長|オーナー|責任者|氏名|负责人|負責人|대표자|대표|원장|사장)"
                        r"(?:\s*[:：]\s*|[ \u3000]+)[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af]{1,4}[ \u3000]?"
                        r"[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af]{1,4}(?![\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af])")
_QUOTED = re.compile(r"[\"'“”„«»‘’‚].+[\"'“”„«»‘’‚]")


def _past_the_company(name: list[str], asked: set[str]) -> list[str]:
    """The owner's name after the business's own and a particle ("Dolci
    Sapori di Valentini Maria Angela", an Italian sole trader's style):
    the person, when the words before are the question's."""
    for i, word in enumerate(name[1:-2], start=1):
        if word.lower() in ("di", "de", "von", "van") and _given(name[:i], asked) and not _given(name[i + 1:], asked):
            return name[i + 1:]
    return name


def _given(name: list[str], asked: set[str]) -> bool:
    """Whether a name is the one the question gives (its words, folded):
    all of it, or its first two words however the sentence goes on after
    them ("Tamara CHERGUI-VILO Notaire Associé"). A longer name holding the
    question's words apart is another ("Daniel Jarlkov Buch Varle", the
    director of "Tømrermester Daniel Varle ApS")."""
    # (a nickname in quotes is no part of it: "Anna ”Noo” Kristensen" is the question's "Anna Kristensen")
    # (nor a title the sentence opens with: "Ejer Anna" is the owner Anna)
    parts = [fold(part) for word in name if not _QUOTED.fullmatch(word) and not _PERSON_CUE.fullmatch(fold(word))
             for part in re.findall(r"\w+", word)]
    return all(part in asked for part in parts) or (len(parts) >= 2 and parts[0] in asked and parts[1] in asked)


_FIRST_NAME_CARD = re.compile(r"^(?P<name>[A-ZÀ-ÞĀ-ſ][a-zà-ÿā-ſ]{2,14}) · (?P<role>.+)$")
LABEL_BLOCK_LINES = 3  # the lines of a company's name and trade an Impressum may set above its owner's
# words of a job title, which a title in capitals ("Executive Chef", "Sous Chef") is made of, not a name
# The words of a role set in title case ("Executive Chef", "Managing Director",
# "Mechanical Engineer"): no name, however capitalised.
_ROLE_WORDS = frozenset("""executive chef sous pastry head senior junior chief general managing office sales lead
    assistant consultant team staff maitre sommelier pasticcera pasticcere cuoco cuoca
    director manager owner founder co-founder cofounder ceo cfo coo cto partner operations technical marketing
    finance financial engineer mechanical civil electrical officer president vice deputy administrator secretary
    accountant designer architect project production quality customer service support leader supervisor
    coordinator specialist""".split())


_INTRO = (r"\b(?:i am|i'm|i’m|my name is|ich bin|mein name ist|ich hei(?:ss|ß)e|je suis|je m'appelle|soy|me llamo|"
          r"mi chiamo|sono|ik ben|mijn naam is|eu sou|chamo-me|jestem|nazywam sie|jag heter|jag är|jeg er|jeg hedder|"
          r"jeg heter|olen|jmenuji se|volam sa|zovem se|ime mi je|mitt namn ar|mit navn er|minun nimeni on|"
          r"a nevem|ma numesc|numele meu este|benim adim|mano vardas|mani sauc|minu nimi on|"
          # (as pages write them: the sentence is matched unfolded)
          r"volám sa|mitt namn är|mă numesc|benim adım)")


def first_name_cards(units: list[str]) -> list[str]:
    """Team cards that give a first name alone, then the role ("Angela" /
    "Executive Chef & Pasticcera"), read together; and cards that give the
    role above the name ("Oprichtster & hoofdbehandelaar" / "Corine Voets")."""
    cards = [f"{a} · {b}" for a, b in zip(units, units[1:])
             if re.fullmatch(r"[A-ZÀ-ÞĀ-ſ][a-zà-ÿā-ſ]{2,14}", a.strip()) and fold(a.strip()) not in STOP_WORDS
             and len(b.split()) <= 8 and _PERSON_CUE.search(fold(b))] + [
        f"{a} · {b}" for a, b in zip(units, units[1:])
        if len(a.split()) <= 6 and not a.rstrip().endswith((".", "!", "?")) and _PERSON_CUE.search(fold(a))
        and is_name_line(b)]
    # ...and an Impressum's label over the block it heads, the name a line or
    # two down ("Medieninhaber:" / "RENTAFRITZ" / "Verleih für Fahrzeuge und Geräte" / "Manfred Paar")
    for i, label in enumerate(units):
        if not (label.rstrip().endswith(":") and len(label.split()) <= 4 and _PERSON_CUE.search(fold(label))):
            continue
        block: list[str] = []
        for line in units[i + 1:i + 1 + LABEL_BLOCK_LINES]:
            if line.rstrip().endswith(":") or re.search(r"\d", line) or len(line.split()) > 8:
                break  # the next label, or the address and numbers under the name
            block.append(line)
            if is_name_line(line):
                if len(block) > 1:
                    cards.append(" · ".join([label, *block]))
                break
    return cards


def _labelled_by(sentence: str, first: str, asked: set[str], names: list[list[str]]) -> bool:
    """Whether a word of the question (a noun of five letters or more, not
    a stop word) labels the name: right before it, with a colon or comma
    ("Pächterin: Iveta Lehmann", "durch die Pächterin, Iveta Lehmann"). The
    last word of another name is none ("Cremerie Alijs, Lange Dreef 9")."""
    label = _LABEL_BEFORE.search(sentence[:sentence.find(first)])
    if label is None:
        return False
    word = fold(label.group(1))
    if any(len(name) > 1 and fold(name[-1]) == word for name in names):
        return False
    return len(word) >= 5 and word in asked and word not in STOP_WORDS


def _owner_labelled(sentence: str, first: str) -> bool:
    """Whether a person's label stands right before the name ("Inhaberin:
    Laila Thun"): the owner of "Laila Thun Gebäudereinigung" is the name
    the question gives, said as the answer once a label makes it a person."""
    label = _LABEL_BEFORE.search(sentence[:sentence.find(first)])
    return label is not None and bool(_PERSON_CUE.fullmatch(fold(label.group(1))))


def _before_house_number(sentence: str, name: list[str]) -> bool:
    """Whether a house number follows the name: a street, not a person; or
    a postcode: a town ("… Via Vittorio Veneto 1, Oleis di Manzano, 33044 – UD")."""
    written = re.escape(" ".join(name))
    return bool(re.search(rf"{written}\s+\d{{1,4}}[a-zA-Z]?\b(?![.:])", sentence)
                or re.search(rf"{written},?\s+(?:\d{{5}}|(?!19|20)\d{{4}})\b(?![.:,]\d)", sentence))


_SIGNED_CARD = re.compile(r"^(?P<name>[^·]{3,40}) · (?P<company>[^·]{2,40})$")
_LABEL_BEFORE = re.compile(r"(\w+)\s*[:,]\s*(?:(?:the|die|der|das|la|le|el|il|lo|de|het|een|a)\s+)?$", re.I)


def asks_company(question: str) -> bool:
    """Whether ``question`` asks for the company behind a site or brand."""
    return bool(_ASKS_COMPANY.search(fold(question)))


# a street's name and its house number, alone on a line ("Ελευθερίας 54", "Kirchweg 3a")
# The building an office is in, as an address line names it where there is
# no street ("Wilkem Edge Business Center, 1st Floor, Matasia, Ngong")
_PREMISES = re.compile(r"\b(?:\d+(?:st|nd|rd|th) floor|floor \d+|(?:business|shopping|trade|commercial) "
                       r"(?:center|centre|park|complex)|plaza|tower|building|mall)\b", re.I)
# (not a month and its year: "April 2026 · Real Estate · 8-minute read" dates an article)
_NAME_AND_NUMBER = re.compile(r"^[^\W\d_][\w .'’-]{2,40}\s(?!(?:19|20)\d\d$)\d{1,4}[a-zA-Z]?(?:\s?[/-]\s?\d{1,4})?$")


# what a question counts ("how many litres", "wie viele Zimmer", "combien de chambres")
_COUNTED = re.compile(r"\b(?:how many|number of|wie viele|wieviele|combien d[e']|cuant[oa]s|quant[ie]|hoeveel|"
                      r"hvor mange|hur manga|ile|kolik|quantos|quantas)\s+(?:of\s+)?([^\W\d_]{3,})")
# "how many holiday apartments does": the noun phrase up to its verb
_ENGLISH_COUNTED = re.compile(r"(?:how many|number of)\s+(?:of\s+)?((?:[^\W\d_]{3,}\s*){1,3})")
_COUNT_VERBS = frozenset("does did are were will would can could have has had there the their its this that with "
                         "for per you they".split())
# the word a number counts: right after it, or after one word more ("100.000 liter", "7 personas",
# "vijf verschillende kamers")
_COUNT_WORD = re.compile(rf"(?:\d[\d.,]*\s?|\b(?:{_WRITTEN_NUMBERS})\s)([^\W\d_]{{3,}})(?:\s([^\W\d_]{{3,}}))?", re.I)
# words a count asks for that say nothing of what is counted
_COUNT_VAGUE = frozenset("the times people much many more".split())


# A question for a floor area, and an area written with its unit
_SIZE_ASKED = re.compile(r"\bhow (?:large|big)\b|\bsize of\b|\bsquare (?:metres|meters|feet)\b|\bwie gro(?:ss|ß)\b|"
                         r"\bquelle (?:surface|taille)\b|\bquanto (?:e )?grand|\bque tamano\b|\bhoe groot\b|"
                         r"\bquanti metri\b|\bjak (?:duzy|velk)|\bhur stor\b|\bhvor stor\b|"
                         r"\bfloor area\b|\bsurface area\b|\bmetraz\w*|\bpowierzchni\w*|\bsuperficie\b|\boppervlakte\b|"
                         r"\bwohnflache\b|\bnutzflache\b|\bvymer[ay]?\b|\balapterulet\w*|\bsuprafata\b|\bpovrsin\w*|\bpinta-ala\b")
_AREA = re.compile(r"\d\s?(?:m²|m2|m\^2|mq|qm|sq\.?\s?(?:ft|m)|square (?:metres|meters|feet)|quadratmeter|"
                   r"metri quadri|metros cuadrados|metres carres|vierkante meter|ha\b|hektar|hectares?|acres?\b|sqft)", re.I)


def counted_noun(question: str) -> str | None:
    """The thing a "how many" question counts, folded ("litres"), or None.
    In English the last noun before the verb: "how many holiday apartments
    does it offer" counts apartments."""
    folded = fold(question)
    found = _COUNTED.search(folded)
    if found is None:
        return None
    noun = found.group(1)
    english = _ENGLISH_COUNTED.match(folded, found.start())
    if english:
        phrase: list[str] = []
        for word in english.group(1).split():
            if word in _COUNT_VERBS:
                break
            phrase.append(word)
        noun = phrase[-1] if phrase else noun
    if noun in _COUNT_VAGUE or noun in _UNIT_WORDS:
        return None
    return noun


def _same_stem(a: str, b: str) -> bool:
    """Two spellings of one word across languages: "litres" / "liter",
    "rooms" / "room", "persons" / "personnes" (their first three letters,
    and most of the shorter)."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 3 and common >= min(len(a), len(b)) // 2


def holds_postcode(text: str) -> bool:
    """Whether ``text`` holds something shaped like a postcode: the digits
    of a phone number are none ("+1 555 0100"), nor is a year ("Founded 1994
    by"), unless a town follows it ("1994 Ljubljana")."""
    return bool(_POSTCODE.search(_LAW_ARTICLE.sub(" ", _YEAR_NO_TOWN.sub(" ", PHONE.sub(" ", text)))))


# a law's article, which a notice cites by number ("art. 1730 BW", "§ 5 TMG", "Artikel 13 DSGVO")
_LAW_ARTICLE = re.compile(r"(?:\b(?:art|artt|arts|artikel|articles?|articolo|artigo|articulo|artículo)\.?|§§?)\s*\d+", re.I)


def holds_kind(sentence: str, kind: str | None, question: str = "", common: frozenset[str] = frozenset()) -> float:
    """How surely ``sentence`` holds a value of ``kind``: 1, 0.5 (the shape
    without the context, such as two capitalised words without "owner"), or 0.
    Names the question itself gives (the company asked about) do not count,
    nor capitalised words ending in one the site writes in lower case
    elsewhere (``common``, folded: "Outdoor & Water Systems" on a site that
    installs hot water systems has no surname)."""
    if kind is None:
        return 0.0
    if kind == "name":
        if _EXPANSION_ASKED.search(fold(question)) and (acronym := _ACRONYM_ASKED.search(question)):
            return 1.0 if _spells(sentence, acronym.group(0)) else 0.0
        asked = {fold(word) for word in re.findall(r"\w+", question)}
        tokens = [t.strip(".:/-") for t in re.findall(r"[\w&][\w&.:/-]*", sentence)]
        tokens = [t for t in tokens if t and fold(t) not in asked]
        if any((_CODE.fullmatch(t) and not t.isdigit() and not _MEASURE.fullmatch(t))
               or (_ACRONYM.fullmatch(t) and t.isupper() and fold(t) not in _CAPITALS_WORDS)
               or (_INNER_CAPITAL.fullmatch(t) and fold(t) not in _PLATFORMS and not _glued(t)) for t in tokens):
            return 1.0
        # a capitalised word past the sentence's first ("Voluson Performance 18"),
        # or a card's first before the thing asked for alone ("Skamet · Wood stoves")
        words = re.findall(r"\w+", sentence)
        named_card = (len(tokens) == 1 and 1 < len(words) <= 4 and tokens[0] == words[0] and tokens[0][0].isupper()
                      and fold(tokens[0]) not in _CAPITALS_WORDS and fold(tokens[0]) not in STOP_WORDS)
        return 0.5 if named_card or any(t[0].isupper() for t in tokens[1:]) else 0.0
    if kind == "email":
        return 1.0 if EMAIL.search(sentence) else 0.0
    if kind == "phone":
        # a register's number after its label is none ("Org.nr 556784-7099")
        text = _LABELLED_IDENTIFIER.sub(" ", fold(sentence))
        return 1.0 if PHONE.search(text) and sum(c.isdigit() for c in text) >= 7 else 0.0
    if kind == "price":
        # a discount asked for: a share off ("10% off", "-15 %"), before any price
        # ("Opiskelijat, Eläkeläiset · -10 %" beside the list's "60 €")
        discount = bool(_DISCOUNT_ASKED.search(fold(question)))
        if discount and _PERCENT.search(sentence):
            return 1.0
        if PRICE.search(sentence) or FREE.search(fold(sentence)):
            return 0.5 if discount else 1.0
        return 0.0
    if kind == "duration":
        # "van 12.00 tot 13.00 uur" says when, not how long; "od 2010 roku"
        # (since 2010) is a number that may tell how long, not a count of years
        text = _CLOCK.sub(" ", fold(sentence))
        counts = _YEAR_NUMBER.sub(" ", text)
        # (an age is no time spent at something: "26 jaar oud", "40 years old")
        found = [m.group(0) for m in _DURATION.finditer(counts) if not _AGE.match(counts, m.end())]
        if not found:
            return 0.5 if _NUMBER.search(text) else 0.0
        if _FAR.search(fold(question)):
            # "how far do they travel": 70 miles, not two business days
            return 1.0 if any(_DISTANCE.search(span) for span in found) else 0.5
        # "how many years": 20 minutes by bus is a duration, not the answer
        asked = _units_named(question)
        if asked and all(_unit_of(span) not in asked | {None} for span in found):
            return 0.5
        return 1.0
    if kind == "hours":
        times = len(_TIME.findall(sentence))
        folded = fold(sentence)
        if times < 2 and _FROM_TO.search(folded):
            times = 2
        if _ROUND_THE_CLOCK.search(folded):
            return 1.0  # "24/7 bereikbaar", "rund um die Uhr": always open is an answer
        if not times and (_WEEKDAY.search(folded) or _HOUR_WORD.search(folded)):
            times = 2 * len(_HOUR_SPAN.findall(folded))  # "Pon-Pt 8-16": hours without minutes
        if not times and _WEEKDAY.search(folded) and CLOSED_WORD.search(folded):
            return 1.0  # "Κυριακή · Κλειστά", "Sonntag: Ruhetag": when it is not open is an answer too
        if not times and _CLOSED_DAYS.search(sentence):
            return 1.0
        return 1.0 if times >= 2 or (times and _WEEKDAY.search(folded)) else 0.5 if times else 0.0
    if kind == "number":
        text = fold(sentence)
        if not _NUMBER.search(text):
            return 0.0
        if _IDENTIFIER_ASKED.search(fold(question)):
            # "what is the organisation number?": a register's number after its label
            # ("Registernummer: HRB 92143", "Org.nr 556784-7099"); less surely, six digits
            # or more that are no phone number; not "18–20%"
            labelled = _LABELLED_IDENTIFIER.search(text)
            if labelled and _VAT.search(fold(question)) and not _VAT.search(labelled.group(0)):
                return 0.5  # a VAT number asked for, another register's number given ("Steuernummer")
            if labelled or _after_asked_acronym(question, sentence):
                return 1.0
            runs = [run for run in _IDENTIFIER_RUN.findall(sentence) if len(re.sub(r"\D", "", run)) >= 6]
            return 0.5 if runs and not _PHONE_WORD.search(text) and not any(r.startswith("+") for r in runs) else 0.0
        if _SIZE_ASKED.search(fold(question)):
            # "how large is the apartment?": an area ("75 m²", "36 mq"), not a house number
            return 1.0 if _AREA.search(text) else 0.5
        # "how many litres": a number of litres ("ca. 100.000 liter"), not a house number
        noun = counted_noun(question)
        if noun is None:
            return 1.0
        counted = [word for pair in _COUNT_WORD.findall(text) for word in pair if word]
        # in the page's language too: "rooms" are "kamers" (glossary)
        return 1.0 if any(_same_stem(noun, word) or stem(noun) in english_terms(set(terms(word)))
                          for word in counted) else 0.5
    if kind == "when":
        # (a copyright notice's year is the page's, not a date in the business's story)
        # ("when does the group meet?" asks for its day, not the year it began)
        asked, said = fold(question), fold(sentence)
        recurring = bool(_RECURRING_ASKED.search(asked))
        if recurring and _WEEKDAY.search(said) and _TIME.search(sentence):
            return 1.0
        if _YEAR.search(_COPYRIGHT_YEAR.sub(" ", sentence)):
            return 0.5 if recurring else 1.0
        # a day and its month with no year ("Ab 31. August befindet sich die Praxis …"):
        # a date, though not the year a question may ask for
        if _DAY_MONTH.search(said):
            return 0.5 if _YEAR_ASKED.search(asked) or _YEAR_WORD.search(asked) else 1.0
        return 0.0
    if kind == "place":
        from ..extract.addresses import addresses_in_lines, seat_town
        from ..extract.addresses_nocode import addresses_without_postcode
        from ..extract.textlines import Line

        if POSTCODE_ASKED.search(fold(question)):
            return 1.0 if holds_postcode(sentence) else 0.0
        # the region a business works in, under its label in any language: "Oblast:
        # Západní a střední Čechy", "Einsatzgebiet: …", "Area: …" (not its address)
        label, colon, value = sentence.partition(":")
        if (colon and value.strip() and len(label.split()) <= _LABEL_WORDS and _REGION_ASKED.search(fold(question))
                and ({stem(t) for t in terms(label)} | english_terms(set(terms(label)))) & _REGION_TERMS):
            return 1.0
        # a whole address as the business extractor reads one, in any of its
        # languages, with its postcode or without ("Adresa: Folnegovićeva 1b, Zagreb")
        if any(a.get("street") and (a.get("postal_code") or a.get("locality"))
               for a in addresses_in_lines([sentence])) or addresses_without_postcode([Line(sentence)], None, True):
            return 1.0
        # where the business says it is, a town alone: "gevestigd in Helmond", "woonachtig in Willebroek"
        if seat_town(sentence):
            return 1.0
        # a street word, or a name and its house number set as a line of an
        # address block ("Ελευθερίας 54 · Αμπελόκηποι, Τ.Κ. · 561 23")
        # ...or a name and its number before a town ("Κωνσταντίνου Καραμανλή 67, Θεσσαλονίκη")
        parts = [part.strip() for part in sentence.split(",")]
        street = ((bool(_STREET.search(sentence)) and bool(re.search(r"\d", sentence)))
                  or (bool(_PREMISES.search(sentence)) and len(parts) >= 3)
                  or any(_NAME_AND_NUMBER.match(part.strip()) for part in sentence.split(" · ")[:-1])
                  or (len(parts) >= 2 and _named_street(parts[0]) and bool(parts[1]) and _capital(parts[1])
                      and not re.search(r"\d", parts[1])))
        postcode = holds_postcode(sentence)
        # a town named in passing ("in our Leeds workshop"): a capitalised word past the first
        named = bool(_PROPER.search(sentence))
        if named and _TOWN_ASKED.search(fold(question)) and _IN_TOWN.search(sentence):
            return 0.75  # the town asked for, named after "in"
        # a whole address (street and postcode) above a part of one
        return 1.0 if street and postcode else 0.75 if street or postcode else 0.5 if named else 0.0
    if kind == "person":
        if asks_company(question):
            # "Which company operates it?": "Denominación social: ATLAS & FALCATA SL"
            return 1.0 if LEGAL_FORM.search(sentence) else 0.5 if _names(sentence) else 0.0
        asked = {fold(word) for word in re.findall(r"\w+", question)}
        sentence = _CREDIT.sub(" ", sentence)  # "Built by Building Brain Digital": the web designer
        # a team card read whole, its first name alone on the top line: "Angela · Executive Chef & Pasticcera"
        card = _FIRST_NAME_CARD.match(sentence)
        # ("Impressum · Medieninhaber:" is two labels: neither a name nor a role)
        if (card and _PERSON_CUE.search(fold(card.group("role"))) and fold(card.group("name")) not in STOP_WORDS
                and fold(card.group("name")) not in asked and not _PERSON_CUE.search(fold(card.group("name")))
                and not card.group("role").rstrip().endswith(":")):
            return 1.0
        if _CJK_NAMED.search(sentence):
            return 1.0  # "代表者：南 知宏": a name in Chinese characters after its role
        # ("Cozy Wedding" ends in a word the site writes in lower case: no surname)
        names = [_past_the_company(name, asked) for name in _names(sentence) if fold(name[-1]) not in common]
        found = [name for name in names
                 if (not _given(name, asked) or _owner_labelled(sentence, name[0]))
                 and not _STREET.search(" ".join(name))  # "Rue Achille ..." is a street
                 and not _before_house_number(sentence, name)  # "Lange Dreef 9, 2820 Rijmenam" too
                 and not all(fold(w) in _ROLE_WORDS or _PERSON_CUE.fullmatch(fold(w)) for w in name)]  # "Executive Chef"
        # "by", "von", "par" are a cue only right before the name ("Founded 1994
        # by Ada Marsh"), not in "lass dich von uns beraten" or "Von Støckens Plads 2"
        # (Italian "da" is "by" after a participle, "fondata da Marco Rossi"; else, and
        # in Portuguese, it is "of the": "previsto no artigo 76 da Lei dos Juizados Especiais")
        cue = bool(_PERSON_CUE.search(fold(sentence))) or any(
            re.search(rf"{_BY}\s+{re.escape(name[0])}", sentence, re.I)
            and (not re.search(rf"\b(?:da|di)\s+{re.escape(name[0])}", sentence, re.I)
                 or re.search(rf"\w(?:at|it|ut)[oaie]\s+(?:da|di)\s+{re.escape(name[0])}", sentence, re.I))
            for name in found)
        # ...as are the words a first name alone follows ("contact Colin by calling")
        cue = cue or any(len(name) == 1 and re.search(rf"\b(?:{'|'.join(_NAME_AFTER)})\s+{re.escape(name[0])}\b",
                                                      sentence, re.I) for name in found)
        # ...as is what the name did ("Victor Pastor founded P&L", not "Founded in 1994 in West Yorkshire")
        cue = cue or any(re.search(rf"\b{re.escape(name[-1])}\s+(?:co-?)?(?:founded|started|opened|established)\b",
                                   sentence) for name in found)
        # ...as is a full name opening the sentence before its verb, in any language
        # ("Gojko Soldo zasadio je prve trsove…": Gojko Soldo planted the first vines)
        # (each word a name's: "Torre Saracena XVI sec." and "Groen DIRECT is" are no person's)
        # (the family's name may be the business's, "Gojko Soldo" of "the Soldo winery"; not the first name)
        cue = cue or any(len(name) >= 2 and not any(fold(w) in STOP_WORDS for w in name) and fold(name[0]) not in asked
                         and all(_TITLE_CASE_WORD.fullmatch(w) for w in name)
                         and re.match(rf"{re.escape(' '.join(name))}\s+[a-zà-ɏ]", sentence.strip()) for name in found)
        # ...as is a person's own introduction ("Hello, I'm Greg Davies")
        cue = cue or any(re.search(rf"{_INTRO}\s+(?:{'|'.join(map(re.escape, name[:2]))})\b", sentence, re.I)
                         for name in found)
        # ...and the question's own word for the person, as the label before the
        # name ("Who runs it as its tenant (Pächterin)?": "Pächterin: Iveta Lehmann")
        cue = cue or any(_labelled_by(sentence, name[0], asked, names) for name in found)
        # ...and a couple named together, as hosts and owners sign ("Margaret and
        # Tony Spowart", "Kathrin & Florian Häusler", "Harriet and Rachel")
        # (two different first names: "Iron and Iron Board" is an inventory; and
        # names, which the page never writes in lower case: "Catch and Store Energy")
        cue = cue or any(not ({fold(match.group(1)), fold(match.group(2))} & (asked | STOP_WORDS | _ROLE_WORDS | common))
                         and fold(match.group(1)) != fold(match.group(2))
                         and fold(match.group(3)) not in common for match in _COUPLE.finditer(sentence))
        # ...and a title before a name ("Mr & Mrs Cassar Mallia", "Herr und Frau Huber")
        cue = cue or bool(_TITLED_NAME.search(sentence))
        # ...and the business's own name under it, as its face signs ("Michał Michalski" /
        # "Expert - Moto" beside his photo)
        signed = _SIGNED_CARD.match(sentence)
        cue = cue or bool(signed and found and " ".join(found[0]) == signed.group("name").strip()
                          and set(re.findall(r"\w+", fold(signed.group("company")))) <= asked)
        # a team card read whole ("Héctor A. García · FISIOTERAPEUTA Y ENTRENADOR"):
        # the line under a name is the person's role
        return 1.0 if found and cue else 0.5 if found else 0.0
    return 0.0
