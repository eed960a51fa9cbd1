"""The words small businesses' pages use, in their own languages, for what
an English question asks about.

A user asks in English about a site written in French, Danish or Polish
("How can I pay?" of a page that says "Betaling"). The embedding model
loaded for retrieval reads English only, so the extractive answerer would
see no word of the question in the sentence that answers it. This is a
short glossary of the things customers ask small businesses about (a
quote, an appointment, payment, delivery, opening, what it costs, how
long it takes, who runs it), each with its common words in the languages
of the sites ScrapeJET is measured on; a sentence holding one of them holds
the English term too. It is deliberately small and general: the words of
one site's question are not in it.

Pure data and one function; no model."""

from __future__ import annotations

from functools import lru_cache

from .text import stem, terms

# (one list for the two spellings of the English word)
_TYRES = ("pneu pneus pneumatiques reifen neumáticos neumático gomme pneumatici banden pneumáticos opony "
          "opon pneumatiky pneumatík gume pnevmatike gumiabroncs anvelope lastik lastikleri däck dæk dekk "
          "renkaat rengas padangos riepas rehvid ελαστικά гуми шини шины")

# English term -> the words pages use for it (de fr es it nl pt pl cs sk hr sl hu ro tr sv da no fi lt lv et el bg uk)
GLOSSARY = {
    # where a place lies: "between the Alpilles and the Luberon"
    "between": "entre zwischen tussen tra mellan mellem mellom między mezi medzi között între arasında "
               "μεταξύ između tarp starp vahel між между",
    # where a place stands: "op de hoek van Irislaan en Henri Jasparlaan"
    # who pays less: "Opiskelijat, Eläkeläiset · -10 %"
    "student": "étudiant étudiants studenten student studierende schüler estudiante estudiantes studente studenti "
               "studenti estudante estudantes studentów studenci studenti študenti studenti studenata diákok diák "
               "studenți öğrenci studenter studerende opiskelija opiskelijat opiskelijoille studentai studenti "
               "õpilased üliõpilased φοιτητές студенти",
    "pensioner": "retraités retraité senioren rentner rentnerinnen jubilados jubilado pensionistas pensionati "
                 "gepensioneerden 65-plussers aposentados reformados emeryci emerytów důchodci dôchodcovia "
                 "umirovljenici upokojenci nyugdíjasok pensionari emekli pensionärer pensionister pensjonister "
                 "eläkeläiset eläkeläisille pensininkai pensionāri pensionärid συνταξιούχοι пенсионери пенсіонери",
    "corner": "coin angle ecke hoek esquina angolo canto róg rogu roh rohu kut kutu sarok sarkán köşe köşesi hörn "
              "hörnet hjørne hjørnet kulma kulmassa kampas stūris nurk γωνία ъгъл кут угол",
    "quote": "devis angebot kostenvoranschlag presupuesto preventivo offerte orçamento wycena nabídka ponuda "
             "ajánlat ofertă teklif offert tilbud tarjous pasiūlymas",
    # where a tradesman works: "Werkgebied · West-Vlaanderen", "in de regio rondom Noordwijk"
    "region": "région régions zone secteur regio werkgebied gebied omgeving region regionen gebiet einsatzgebiet "
              "einzugsgebiet umgebung umkreis región zona zonas comarca regione zona provincia região zona "
              "obszar rejon okolice oblast okolí oblasti regija područje območje térség környék körzet regiune "
              "zonă bölge bölgesi område området omegn alue alueella seutu regionas apylinkės reģions piirkond "
              "περιοχή регион район регіон אזור אזורי منطقة",
    "area": "zone secteur environs alentours werkgebied gebied omgeving regio gebiet einsatzgebiet einzugsgebiet "
            "umgebung umkreis zona zonas área alrededores zona dintorni área arredores obszar okolice okolí oblast "
            "područje območje környék körzet zonă împrejurimi bölge område omegn alue seutu apylinkės apkārtne "
            "piirkond περιοχή район provincia provincie אזור אזורי منطقة",
    # "In which area does FP Decor work?" of "Opero a Torino e provincia"
    "operate": "opère opérons intervenons intervient intervenir tätig operamos operan trabajamos actuamos opero "
               "operiamo operano lavoriamo werkzaam actief atuamos działamy działa pracujemy působíme pôsobíme "
               "radimo delujemo dolgozunk activăm faaliyet verksamma arbejder jobber toimimme toimii dirbame "
               "strādājam tegutseme δραστηριοποιούμαστε работим працюємо",
    # how long a quote or a voucher holds: "Een offerte is 30 dagen geldig"
    "valid": "valable validité gültig gültigkeit gilt válido válida validez valido valida validità geldig "
             "geldigheid ważny ważna ważność platný platná platnost platí važeći vrijedi veljaven velja érvényes "
             "valabil valabilă geçerli giltig gäller gyldig gyldighed voimassa galioja kehtib kehtiv ισχύει "
             "валиден дійсний",
    "free": "gratuit gratuite gratuits gratis kostenlos kostenfrei gratuito gratuita gratuiti gratuitos darmowy "
            "darmowa bezpłatny bezpłatna bezpłatnie zdarma besplatno brezplačno ingyenes gratuită ücretsiz "
            "kostnadsfri ilmainen nemokamai tasuta безплатно безкоштовно",
    "deliver": "livraison livrons livré lieferung liefern geliefert entrega entregamos consegna consegniamo "
               "levering leveren bezorging entregamos dostawa dostarczamy doručení doručujeme dostava "
               "szállítás livrare teslimat leverans leverera levering levere toimitus pristatymas pristatome "
               "доставка",
    "delivery": "livraison lieferung lieferzeit entrega consegna levering levertijd bezorging dostawa doručení "
                "dostava szállítás livrare teslimat leverans leveranstid levering leveringstid toimitus "
                "pristatymas доставка",
    "cancel": "annuler annulation stornieren stornierung absagen absage cancelar cancelación anular annullare "
              "disdire disdetta annuleren afzeggen annulering odwołać odwołanie zrušit zrušení otkazati "
              "lemondás anulare iptal avboka avbokning afbestille afbud avbestille peruuttaa peruutus atšaukti",
    "pay": "paiement payer payez zahlung bezahlen zahlen bezahlung pago pagar pagos pagamento pagare pagamenti "
           "betaling betalen płatność płatności zapłata platba platby plaćanje plačilo fizetés plată ödeme "
           "betalning betala betale maksu maksaa mokėjimas apmokėjimas оплата",
    "payment": "paiement zahlung zahlungsarten pago pagamento betaling betaalmethoden płatność platba plaćanje "
               "fizetés plată ödeme betalning betaling maksu mokėjimas оплата",
    "appointment": "rendez-vous termin terminvereinbarung cita appuntamento afspraak marcação wizyta termín "
                   "időpont programare randevu tidsbokning bokning aftale timebestilling ajanvaraus vizitas "
                   "vastuvõtt vastuvõtuaeg ραντεβού запис",
    "book": "réserver réservez réservation buchen buchung reservar reserva reservas prenotare prenota prenotazione "
            "boeken reserveren reservering rezerwacja zarezerwuj rezervace rezervovat rezervácia rezervirati "
            "rezervirajte foglalás foglaljon rezervare rezervasyon boka bokning booke bestille varata varaa "
            "varaus rezervuoti broneeri broneerida κράτηση бронирование бронювання",
    "voucher": "gutschein geschenkgutschein bon cadeau chèque cadeau bono regalo tarjeta regalo buono regalo "
               "cadeaubon waardebon vale-presente bon podarunkowy poukaz poukázka dárkový ajándékutalvány "
               "presentkort gavekort lahjakortti dovanų kuponas kinkekaart",
    "capital": "stammkapital grundkapital capital social capitale sociale kapitał zakładowy základní kapitál "
               "jegyzett tőke aktiekapital osakepääoma įstatinis kapitalas κεφάλαιο",
    "grow": "anbau anbauen cultiver cultivons culture cultivo cultivamos coltiviamo coltivazione teelt telen kweken "
            "uprawa uprawiamy pěstujeme pěstování termesztés cultivăm odlar odling dyrker dyrkning viljelemme "
            "auginame καλλιέργεια καλλιεργούμε",
    "open": "ouvert ouverture geöffnet öffnungszeiten abierto apertura aperto orari geopend openingstijden "
            "aberto otwarte otevřeno otvoreno nyitva deschis açık öppet öppettider åbent åpent avoinna "
            "atidaryta dirbame ανοιχτά отворено відчинено",
    "closed": "fermé fermée geschlossen ruhetag cerrado chiuso gesloten fechado zamknięte zavřeno zatvoreno "
              "zárva închis kapalı stängt lukket stengt suljettu uždaryta κλειστά затворено зачинено",
    "year": "an ans année années jahr jahre jahren año años anno anni jaar jaren ano anos rok lat lata roku "
            "let godina godine év an ani yıl år års vuosi vuotta metai metų metus χρόνια години роки",
    "day": "jour jours tag tage tagen día días giorno giorni dag dagen dia dias dzień dni den dní dnů dan dana "
           "nap zi zile gün dagar dage dager päivä päivää diena dienos dienų μέρες дни дні",
    "hour": "heure heures stunde stunden hora horas ora ore uur uren godzina godziny godzin hodina hodiny hodin "
            "sat sata óra oră ore saat timme timmar time timer tunti tuntia valanda valandos ώρες часа години",
    "week": "semaine semaines woche wochen semana semanas settimana settimane week weken tydzień tygodnie "
            "tygodni týden týdny týdnů tjedan tjedna hét săptămână hafta vecka veckor uge uger uke uker viikko "
            "viikkoa savaitė savaitės εβδομάδες седмици тижні",
    "minute": "minute minuten minuto minutos minuti minuut minuta minut minuty perc dakika minutter minuutti "
              "minutė minutės λεπτά минути хвилин",
    "foot": "pied fuß fuss pie piedi voet pé pieszo pěšky pješice gyalog jos yürüyerek gång fods gående "
            "kävellen pėsčiomis πόδια пеша пішки",
    "walk": "pied fuß fuss pie piedi lopen pé pieszo pěšky pješice gyalog yürüyerek gång gåafstand gå kävellen "
            "pėsčiomis пеша пішки",
    "station": "gare bahnhof estación stazione station estação dworzec nádraží kolodvor pályaudvar gară "
               "istasyon stationen asema stotis σταθμός гара вокзал",
    "bus": "bus autobus bussen busse autobús autobuses autobusy autobusem autóbusz busz buss bussar bussen linja-auto "
           "autobusas λεωφορείο λεωφορεία автобус",
    "metro": "métro u-bahn metro metró tunnelbana t-bane tunnelbanan metroo metropolitana μετρό метро",
    "material": "matériau matériaux matière material materialien materiales materiale materiali materiaal "
                "materialen materiał materiały materiál materijal anyag anyagból malzeme materialet materiaali "
                "medžiaga υλικό υλικά материал",
    "oil": "huile huiles öl öle aceite aceites olio oli olie oliën olej oleje olaj olajok ulei yağ olja oljor olie "
           "olier olje oljer öljy öljyt aliejus λάδι έλαια масло олія",
    "founded": "fondé fondée fondateur créé créée création gegründet gründung gründungsjahr fundado fundada fundación "
               "creada creado constituida fondato fondata fondazione "
               "opgericht fundada założony założona założyciel založena založen osnovan osnovana alapítva "
               "înființată kuruldu grundat grundades grundlagt grunnlagt perustettu įkurta įsteigta ιδρύθηκε "
               "основана заснована fundador fundadora fondatore fondatrice oprichter oprichtster gründer gründerin "
               "zakladatel zakladatelka osnivač alapító fondator kurucu grundare grundlægger grunnlegger perustaja",
    "owner": "propriétaire gérant gérante inhaber inhaberin eigentümer dueño dueña propietario propietaria "
             "titolare proprietario eigenaar eigenaresse proprietário właściciel właścicielka majitel majitelka "
             "vlasnik vlasnica tulajdonos proprietar sahibi ägare ejer indehaver eier innehaver omistaja "
             "savininkas ιδιοκτήτης собственик власник",
    # "Who is the representative?" of "代表者：南 知宏", "Vertreten durch: Petra Gerber"
    "representative": "représentant représentante vertreter vertreterin vertreten representante rappresentante "
                      "vertegenwoordiger vertegenwoordigd przedstawiciel zástupce zástupca képviselő reprezentant "
                      "temsilci företrädare 代表者 代表 대표자 대표",
    "director": "directeur directrice dirigeant dirigeante gérant geschäftsführer geschäftsführerin leiter director directora "
                "direttore direttrice amministratore directeur bestuurder diretor diretora dyrektor prezes "
                "ředitel jednatel konateľ direktor direktorica igazgató ügyvezető director müdür vd "
                "verkställande direktør daglig toimitusjohtaja direktorius διευθυντής директор "
                # directed by ("diretta da", "dirigé par", "geleitet von")
                "diretta diretto dirige dirigé dirigée dirigida dirigido geleitet leitet geleid leidt",
    # the professional body a legal notice names ("Zuständige Kammer: Handwerkskammer Oldenburg")
    "chamber": "kammer handwerkskammer handelskammer ärztekammer rechtsanwaltskammer architektenkammer "
               "steuerberaterkammer chambre cámara camera kamer izba komora kamara kammare kammer kamari "
               "επιμελητήριο палата",
    "craft": "handwerk handwerks handwerkskammer handwerksbetrieb artisanat artisan artesanía artesano artigianato "
             "artigiano ambacht ambachtelijk rzemiosło rzemieślnik řemeslo řemeslník obrt obrtnik kézműves "
             "meșteșug zanaat hantverk håndværk håndverk käsityö",
    "responsible": "zuständig zuständige zuständiger verantwortlich verantwortliche responsable responsables "
                   "competente competent verantwoordelijk bevoegd odpowiedzialny příslušný nadležna pristojna "
                   "illetékes responsabil sorumlu ansvarig ansvarlig vastuullinen αρμόδιο компетентен",
    "today": "aujourd'hui heute hoy hoje oggi vandaag tegenwoordig dziś dzisiaj dnes danes danas ma azi bugün "
             "idag i dag tänään šiandien täna σήμερα днес сьогодні",
    "manager": "gérant responsable geschäftsführer leiter gerente responsabile manager bedrijfsleider gerente "
               "kierownik vedoucí voditelj vezető manager müdür chef leder johtaja vadovas управител керівник",
    "star": "étoile étoiles stern sterne sternen estrella estrellas stella stelle ster sterren estrela estrelas "
            "gwiazdka gwiazdki gwiazdek hvězdička hvězdičky hvězdy zvjezdica zvjezdice zvjezdica zvezdica zvezdice "
            "csillag csillagos stea stele yıldız yıldızlı stjärna stjärnor stjerne stjerner tähti tähteä "
            "žvaigždutė žvaigždutės zvaigzne zvaigznes täht tärni αστέρι αστέρια звезда звезди зірка зірки",
    "chef": "cuisinier cuisinière chef de cuisine koch köchin küchenchef küchenchefin cocinero cocinera jefe de cocina "
            "cuoco cuoca capocuoco kok chef-kok cozinheiro cozinheira kucharz kucharka kuchař kuchařka šéfkuchař "
            "kuhar kuharica szakács bucătar aşçı kock köksmästare kökschef kok køkkenchef kokk kjøkkensjef kokki "
            "keittiömestari virėjas pavārs kokk μάγειρας готвач кухар",
    "repair": "réparation réparations reparatur reparaturen reparación reparaciones riparazione riparazioni "
              "reparatie reparaties reparação naprawa naprawy oprava opravy popravak popravila javítás "
              "reparație tamir reparation reparationer reparasjon korjaus remontas επισκευή ремонт",
    "service": "service services prestation prestations leistung leistungen dienstleistung dienstleistungen "
               "servicio servicios servizio servizi dienst diensten dienstverlening serviço serviços usługa "
               "usługi služba služby usluga usluge storitev storitve szolgáltatás szolgáltatások serviciu "
               "servicii hizmet hizmetler tjänst tjänster tjeneste tjenester ydelse ydelser palvelu palvelut "
               "paslauga paslaugos υπηρεσίες услуги послуги",
    "product": "produit produits produkt produkte producto productos prodotto prodotti product producten "
               "produto produtos produkty produktów výrobek výrobky proizvod proizvodi termék termékek produs "
               "produse ürün ürünler produkter tuote tuotteet produktas produktai προϊόντα продукти",
    "data": "données daten datos dati gegevens dados dane údaje podaci podatki adatok date veri uppgifter "
            "oplysninger opplysninger tiedot duomenys δεδομένα данни дані",
    "keep": "conservons conservées conserver conservation aufbewahren aufbewahrt speichern gespeichert "
            "conservamos conservar conserviamo conservati conservare bewaren bewaard conservamos conservar "
            "przechowujemy przechowywane uchováváme uchovávat čuvamo hranimo megőrizzük păstrăm saklıyoruz "
            "sparar sparas opbevarer opbevares lagrer säilytämme saugome saugomi",
    "university": "université universität hochschule universidad università universiteit universidade "
                  "uniwersytet univerzita sveučilište univerza egyetem universitate üniversite universitet "
                  "yliopisto universitetas πανεπιστήμιο университет університет",
    # (and "Lic #" on an American contractor's footer)
    "license": "lic licence licensed lizenz konzession licencia licenza vergunning licentie licencja licence licencia "
               "engedély licență licenta ruhsat tillstånd tillstand bevilling lupa licencija licenca",
    "degree": "diplôme licence master abschluss diplom título grado licenciatura laurea diploma master "
              "dyplom licencjat magister titul diploma diploma diplomă diploma examen eksamen tutkinto "
              "diplomas πτυχίο диплома",
    "family": "famille familial familiale familie familien familia familiar famiglia familiare gezin família "
              "rodzina rodzinny rodzinne rodina obitelj družina család familie aile familj perhe šeima οικογένεια "
              "семейство сім'я",
    "order": "commande commander commandez bestellen bestellung bestellungen pedido pedidos pedir ordine ordini "
             "ordinare ordina bestelling bestellingen encomenda encomendar zamówienie zamówienia zamów objednávka "
             "objednat narudžba naručite naročilo naročite rendelés rendeljen comandă comanda sipariş beställ "
             "beställning beställningar bestil bestilling bestillinger bestill tilaus tilaa užsakymas užsakykite "
             "παραγγελία поръчка замовлення",
    # the days a question names, in the pages' languages ("open on Sundays?": "Κυριακή · Κλειστά")
    "monday": "lundi montag lunes lunedì maandag segunda poniedziałek pondělí pondelok ponedjeljak ponedeljek "
              "hétfő luni pazartesi måndag mandag maanantai pirmadienis esmaspäev δευτέρα понеделник понеділок",
    "tuesday": "mardi dienstag martes martedì dinsdag terça wtorek úterý utorok utorak torek kedd marți salı "
               "tisdag tirsdag tiistai antradienis teisipäev τρίτη вторник вівторок",
    "wednesday": "mercredi mittwoch miércoles mercoledì woensdag quarta środa středa streda srijeda sreda szerda "
                 "miercuri çarşamba onsdag keskiviikko trečiadienis kolmapäev τετάρτη сряда середа",
    "thursday": "jeudi donnerstag jueves giovedì donderdag quinta czwartek čtvrtek štvrtok četvrtak četrtek "
                "csütörtök joi perşembe torsdag torstai ketvirtadienis neljapäev πέμπτη четвъртък четвер",
    "friday": "vendredi freitag viernes venerdì vrijdag sexta piątek pátek piatok petak petek péntek vineri cuma "
              "fredag perjantai penktadienis reede παρασκευή петък п'ятниця",
    "saturday": "samedi samstag sonnabend sábado sabato zaterdag sobota sobotę szombat sâmbătă cumartesi "
                "lördag lørdag lauantai šeštadienis laupäev σάββατο събота субота",
    "sunday": "dimanche sonntag domingo domenica zondag niedziela niedzielę neděle nedeľa nedjelja nedelja "
              "vasárnap duminică pazar söndag søndag sunnuntai sekmadienis pühapäev κυριακή неделя неділя",
    # an optician's words
    "glasses": "lunettes brille brillen gafas anteojos occhiali bril óculos okulary brýle okuliare naočale očala "
               "szemüveg ochelari gözlük glasögon briller silmälasit akiniai γυαλιά очила окуляри",
    "lens": "verres lentille lentilles gläser brillengläser linsen lentes lenti glazen lenzen soczewki szkła "
            "skla čočky šošovky leće stekla lencse lentile lens linser linssit lęšiai φακοί лещи лінзи",
    "driver": "conducteur conducteurs fahrer autofahrer conductor conductores guidatore automobilisti bestuurder "
              "chauffeur motorista kierowca kierowców řidič řidiče řidičská vodič vozač voznik sofőr șofer sürücü "
              "förare bilförare fører bilist kuljettaja vairuotojas οδηγός шофьор водій",
    # how an about page tells its story: "began as Maarten's dream"
    "dream": "rêve traum sueño sogno droom sonho marzenie sen álom vis rüya dröm drøm unelma svajonė όνειρο "
             "мечта мрія",
    "child": "enfant enfants kind kinder niño niños hijo hijos bambino bambini figlio figli kinderen criança "
             "crianças filhos dziecko dzieci dítě děti dijete djeca otrok otroci gyermek gyerek copil copii çocuk "
             "barn børn lapsi lapset vaikas vaikai παιδί παιδιά дете деца дитина діти",
    # what a law office's pages say it does
    "law": "droit recht derecho diritto direito prawo právo pravo jog drept hukuk rätt ret rett oikeus teisė "
           "δίκαιο право",
    "criminal": "pénal pénale strafrecht strafverteidigung penal penale strafrecht karny karne trestní kazneno "
                "kazensko büntető ceza straffrätt strafferet strafferett rikos baudžiamoji ποινικό наказателно "
                "кримінальне",
    "divorce": "divorce scheidung divorcio divorzio echtscheiding divórcio rozwód rozvod razvod ločitev válás "
               "divorț boşanma skilsmässa skilsmisse avioero skyrybos διαζύγιο развод розлучення",
    "separation": "séparation trennung separación separazione scheiding separação separacja rozluka odluka "
                  "különválás separare ayrılık separation separasjon asumusero separacija",
    "doctorate": "doctorat promotion doktorat doctorado dottorato promotie doutorado doktorát doktorat doktori "
                 "doctorat doktora doktorsexamen tohtori daktaras διδακτορικό докторат",
    "habilitation": "habilitation habilitiert habilitación abilitazione habilitatie habilitação habilitacja "
                    "habilitację habilitacji habilitace habilitacija habilitáció abilitare docentur dosentti",
    "bank": "banque bank banco banca bankrekening conta banku banka bankszámla bancă banka pankki bankas "
            "τράπεζα банка банк",
    "job": "emploi poste recrutement stelle stellenangebot karriere empleo trabajo lavoro lavora baan vacature "
           "vacatures emprego praca kariera práce kariéra posao zaposlitev állás munka loc iş jobb karriär job "
           "karriere jobb työpaikka darbas εργασία работа робота",
    "advance": "avance l'avance préalable voraus vorab vorher antelación anticipación anticipo preavviso "
               "voorhand vooraf antecedência wyprzedzeniem předem unaprijed vnaprej előre avans önceden "
               "förväg forvejen forhånd etukäteen anksto εκ των προτέρων заранее заздалегідь",
    "tax": "fiscal tva steuernummer steuer ust umsatzsteuer nif cif iva fiscale btw imposto nip podatkowy dič "
           "daň porezni oib davčna adószám adó fiscal cui vergi moms momsnr skatte cvr mva y-tunnus alv pvm "
           "φορολογικός αφμ данъчен ддс податковий єдрпоу",
    "estimate": "devis estimation kostenvoranschlag kostenschätzung angebot presupuesto estimación preventivo "
                "stima offerte kostenraming orçamento estimativa wycena kosztorys rozpočet odhad procjena "
                "predračun árajánlat költségvetés deviz estimare teklif keşif offert kostnadsförslag "
                "overslag prisoverslag kostnadsoverslag kustannusarvio sąmata προσφορά оферта кошторис",
    # what guests and customers ask a B&B, a restaurant or a workshop besides prices and hours
    "check": "arrivée départ anreise abreise entrada salida llegada arrivo partenza aankomst vertrek "
             "chegada saída przyjazd wyjazd příjezd odjezd érkezés távozás ankomst avresa afrejse "
             "saapuminen lähtö bejelentkezés kijelentkezés érkezés távozás",
    "breakfast": "petit-déjeuner frühstück desayuno colazione ontbijt pequeno-almoço café-da-manhã śniadanie "
                 "snídaně reggeli frukost morgenmad frokost aamiainen pusryčiai πρωινό сніданок закуска",
    "parking": "stationnement parking parkplatz parkplätze aparcamiento estacionamiento parcheggio parkeren "
               "parkeerplaats estacionamento parkowanie parkoviště parkolás parkering pysäköinti",
    "pet": "animaux haustier haustiere mascota mascotas animali huisdier huisdieren animais zwierzęta zvířata "
           "háziállat husdjur kæledyr lemmikki chien chiens hund hunde perro perros cane cani hond honden cão cães "
           "pies psy pes kutya koira",
    "dog": "chien chiens hund hunde perro perros cane cani hond honden cão cães pies psy pes kutya koira",
    # "How many years of experience?" of "Med over 15 års erfaring"
    "experience": "expérience erfahrung berufserfahrung experiencia esperienza ervaring experiência doświadczenie "
                  "doświadczenia zkušenosti skúsenosti iskustvo iskustva izkušnje tapasztalat tapasztalattal "
                  "experiență deneyim erfarenhet erfaring kokemus kokemusta patirtis patirties pieredze kogemus "
                  "εμπειρία опит досвід опыт",
    # "Which court is named as the legal venue?" of "Drammen tingrett som verneting"
    "court": "tribunal tribunaux gericht landgericht amtsgericht juzgado juzgados tribunale rechtbank tribunais "
             "sąd soud súd sud sodišče bíróság törvényszék instanța mahkeme domstol domstolene tingrett tingsrätt "
             "byret käräjäoikeus teismas tiesa kohus δικαστήριο съд суд",
    "venue": "verneting gerichtsstand fuero competencia foro juridiction competente bevoegde värneting værneting "
             "jurisdiction",
    "warranty": "garantie gewährleistung garantía garanzia garantia gwarancja záruka garancia garanti takuu",
    "piece": "pièce pièces stück stücke stk pieza piezas pezzo pezzi stuks stuk peça peças sztuk szt kusů ks "
             "komada kom kosov darab buc bucăți adet styck stycken kpl vnt gab tk τεμάχια бр шт",
    "guarantee": "garantie garanti garantiert garantía garantizado garantizada garanzia garantita garantito "
                 "garantia garantida garantido gewährleistung gwarancja gwarantowany záruka garancia garantat takuu",
    "deposit": "acompte arrhes anzahlung kaution señal depósito fianza acconto caparra aanbetaling borg "
               "sinal zaliczka zálohu záloha kauce kauci vratná előleg kaució handpenning depositum forskud "
               "käsiraha depozit kapora",
    # how soon they usually answer an enquiry: a question every customer asks
    "usually": "normalement habituellement généralement généralement normalerweise gewöhnlich üblicherweise "
               "normalmente habitualmente generalmente solitamente doorgaans meestal gewoonlijk normaal "
               "zazwyczaj zwykle obvykle zpravidla obično általában obicei genellikle vanligtvis normalt "
               "yleensä paprastai",
    "reply": "répondons réponse répondre antworten antwort rückmeldung melden respondemos respuesta responder "
             "rispondiamo risposta rispondere reageren reactie antwoord antwoorden respondemos resposta "
             "odpowiadamy odpowiedź odpovíme odpovídáme odpověď odgovaramo odgovor válaszolunk válasz "
             "răspundem răspuns yanıt dönüş svarar svar svarer vastaamme vastaus atsakome atsakymas",
    "enquiry": "demande anfrage solicitud consulta richiesta aanvraag pedido zapytanie poptávka dotaz upit "
               "ajánlatkérés megkeresés solicitare talep förfrågan forespørgsel henvendelse forespørsel "
               "yhteydenotto tiedustelu užklausa",
    "room": "chambre chambres zimmer habitación habitaciones camera camere kamer kamers quarto quartos pokój pokoje "
            "pokoj pokoje szoba szobák cameră camere oda odalar rum värelse värelser værelse værelser huone huoneet "
            "kambarys kambariai δωμάτιο δωμάτια soba sobe стая стаи кімната номер",
    "apartment": "appartement appartements ferienwohnung ferienwohnungen wohnung wohnungen apartamento apartamentos "
                 "appartamento appartamenti apartman apartmani apartmán apartmány apartament apartamenty apartamente "
                 "lägenhet lägenheter leilighet leiligheter lejlighed lejligheder huoneisto huoneistot "
                 "διαμέρισμα διαμερίσματα апартамент апартаменти",
    # what a guest house or a restaurant counts
    "guest": "hôte hôtes client clients gast gäste gästen huésped huéspedes ospite ospiti gasten hóspede hóspedes "
             "gość goście gości host hosté hostů hostům gost gosti gostiju vendég vendégek vendéget oaspete oaspeți "
             "misafir misafirler gäst gäster gæst gæster gjest gjester vieras vierasta svečias svečiai "
             "επισκέπτες гости гостей",
    "seat": "place places couvert couverts sitzplatz sitzplätze plätze nichtraucherplätze asiento asientos plaza "
            "plazas cubierto cubiertos posto posti coperti zitplaats zitplaatsen plaatsen lugar lugares miejsce "
            "miejsca místo míst mjesto mjesta ülőhely férőhely loc locuri koltuk sittplats sittplatser siddeplads "
            "siddepladser sitteplass sitteplasser istumapaikka istumapaikkaa vieta vietos θέσεις места",
    # what a practice or a salon sells by the visit
    "treatment": "traitement traitements soin soins behandlung behandlungen tratamiento tratamientos trattamento "
                 "trattamenti behandeling behandelingen tratamento tratamentos zabieg zabiegi ošetření ošetrenie "
                 "tretman tretmani kezelés kezelések tratament tratamente tedavi behandling behandlingar "
                 "behandlinger hoito hoidot gydymas procedūra θεραπεία лечение лікування",
    "session": "séance séances sitzung sitzungen sesión sesiones seduta sedute sessione sessie sessies sessão sessões "
               "sesja sesje sezení seansa alkalom ședință ședințe seans sessio sessiot užsiėmimas συνεδρία сеанс",
    # the professions of the practices ScrapeJET is measured on
    "physiotherapist": "physiothérapeute physiothérapeutes kinésithérapeute kinésithérapeutes physiotherapeut "
                       "physiotherapeuten physiotherapeutin fisioterapeuta fisioterapeutas fisioterapista "
                       "fisioterapisti fysiotherapeut fysiotherapeuten fysioterapeut fysioterapeuter fysioterapeuten "
                       "fizjoterapeuta fizjoterapeuci fyzioterapeut fyzioterapeuti fizioterapeut fizioterapeuti "
                       "gyógytornász fizioterapeut fizyoterapist fysioterapeutti kineziterapeutas φυσικοθεραπευτής",
    "masseur": "masseur masseuse masseurin masajista massaggiatore massaggiatrice masseurs masażysta masażystka "
               "masér masérka maser masszőr maseur masör massör massør hieroja masažuotojas masseerija масажист "
               "массажист",
    "dentist": "dentiste dentistes zahnarzt zahnärztin zahnärzte dentista dentistas dentisti tandarts tandartsen "
               "dentysta stomatolog zubař zubní zubar zobozdravnik fogorvos dentist diş hekimi tandläkare tandlæge "
               "tannlege hammaslääkäri odontologas οδοντίατρος зъболекар стоматолог",
    # what a garage or a removals firm keeps for its customers: "Sezónne uskladnenie pneumatík · 30 € / sezóna"
    "storage": "stockage entreposage gardiennage lagerung einlagerung aufbewahrung almacenamiento guardamuebles "
               "deposito custodia magazzinaggio rimessaggio opslag stalling armazenamento armazenagem "
               "przechowywanie magazynowanie skladování uskladnění uskladnenie skladovanie skladištenje "
               "shranjevanje tárolás depozitare depolama förvaring lagring opbevaring säilytys sandėliavimas "
               "uzglabāšana hoiustamine αποθήκευση съхранение зберігання хранение",
    "tyre": _TYRES,
    "tire": _TYRES,
    "lawyer": "avocat avocate anwalt anwältin rechtsanwalt rechtsanwältin abogado abogada avvocato avvocata "
              "advocaat advogado advogada adwokat radca advokát odvjetnik odvetnik ügyvéd avocat avukat "
              "advokat asianajaja advokatas δικηγόρος адвокат",
}


@lru_cache(maxsize=1)
def _english_of() -> dict[str, frozenset[str]]:
    """Folded, stemmed foreign term -> the English terms it stands for."""
    out: dict[str, set[str]] = {}
    for english, words in GLOSSARY.items():
        key = stem(english)
        for word in terms(words):
            if word != key:
                out.setdefault(word, set()).add(key)
    return {word: frozenset(keys) for word, keys in out.items()}


# Units of time say little of what a question is about ("founded in which
# year?"), and their words are short and common ("an", "dag"): a duration's
# units are searched for by qtype.search_words when a question asks for one.
_UNITS = frozenset({"year", "day", "hour", "week", "minute"})


@lru_cache(maxsize=1)
def _page_words() -> dict[str, str]:
    """Stemmed English term -> the words pages use for it, as written."""
    return {stem(english): words for english, words in GLOSSARY.items() if english not in _UNITS}


def page_words(question: str) -> str | None:
    """The words a page in another language would use for the things a
    question asks about ("How many rooms?" -> "chambre chambres zimmer ...
    kamers ..."), for a keyword search in the page's own words; a question
    in a page's language gets its other words for the same thing ("créée"
    -> "création fondateur ..."). None when the question names none of the
    glossary's terms."""
    table = _page_words()
    keys: list[str] = []
    for term in dict.fromkeys(terms(question)):
        keys += [term] if term in table else sorted(english_terms({term}))
    found = [table[key] for key in dict.fromkeys(keys) if key in table]
    return " ".join(found) or None


def english_terms(found: set[str]) -> set[str]:
    """The English terms that a sentence's terms (``text.terms``) say in
    another language: {"betal", "contant"} -> {"pay", "payment"}."""
    table = _english_of()
    out: set[str] = set()
    for term in found:
        known = table.get(term)
        if known is None and len(term) >= _INFLECTED:
            # an inflected form of a long glossary word: "Gutscheine" of "gutschein"
            # (a short word's last letters may make another word: "bone" is no "bon")
            known = next((table[term[:-cut]] for cut in (1, 2, 3) if term[:-cut] in table and len(term) - cut >= _INFLECTED - 1), None)
        out |= known or frozenset()
    return out


# The length from which a word's last letters may be an inflection of a glossary word
_INFLECTED = 7
