"""Which business page a link leads to: home, about, contact, team, services,
careers, terms, privacy, legal notice, cookies.

Judged from the URL's last path segment (its slug) and the link's text, in
the languages business sites are written in (English, German, French,
Spanish, Italian, Dutch, Portuguese). Both are compared as whole phrases
after folding case, accents and filler words, never as substrings: a blog
post called "Why our privacy matters" is not the privacy policy, and a shop
at /contact-lenses-shop/ is not the contact page."""

from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import unquote, urlsplit

from scrapejet.extract.links import Link
from scrapejet.extract.textlines import FOOTER, HEADER, NAV, Document, fold
from scrapejet.urls import dedupe_key, site_host

ROLES = ("home", "about", "contact", "team", "services", "careers", "terms", "privacy", "legal", "cookies")
# A page of the home page's menu that plays none of the roles (the business
# spider reads up to SCRAPEJET_BUSINESS_MENU_PAGES of them): the day trips
# nearby, the partners, a gallery. What it says is about its subject first.
OTHER_PAGE = "other"

# Link texts, folded (lower case, no accents). Filler words (our, the, uns,
# nous, la...) are dropped from both sides before comparing, so "Über uns",
# "Mehr über uns"... are not all listed; only whole phrases match.
_TEXTS: dict[str, str] = {
    "about": """about | about us | um okkur | um mig | rreth nesh | rreth kompanise | saga | about me | who we are | our story | story | company | the company | our company | history |
        geschichte | unsere geschichte | unsere story | notre mission | our mission | unsere mission | nuestra mision |
        la nostra missione | onze missie |
        uber uns | ueber uns | uber mich | wir uber uns | unternehmen | das unternehmen | firma | philosophie |
        wer wir sind | a propos | a propos de nous | qui sommes nous | qui suis je | notre histoire | l entreprise |
        notre entreprise | presentation | le cabinet | cabinet | l institut | notre institut | unsere praxis | die praxis |
        la clinica | nuestra clinica | la clinica dentale | lo studio | l hotel | the hotel | das hotel | el hotel |
        het hotel | hotellet | il locale | il nostro locale | el local | nuestro local | das lokal | unser lokal | notre boutique | unser laden | unser hof | der hof | unser betrieb | our farm | the farm |
        notre ferme | la ferme | onze boerderij | de boerderij | quienes somos | quen somos | quenes somos | quien soy | sobre mi | sobre nosotros | acerca de |
        acerca de nosotros | nosotros | empresa | la empresa | nuestra historia |
        qui som | qui soc | sobre nosaltres | l empresa | la nostra historia | nosaltres | chi siamo | chi sono | azienda |
        l azienda | la nostra storia | storia | over ons | over mij | over | wie zijn wij | wie wij zijn | ons verhaal |
        bedrijf | sobre nos | sobre | quem somos | a empresa | nossa historia | institucional |
        o nas | o nas | o firmie | o spolecnosti | om oss | om os | om meg | om mig | tietoa meista | meista | me |
        om virksomheden | om firmaet | om foretaget | om bedriften | om selskabet | om selskapet |
        om klinikken | om kliniken | om klinikk | om praksis | om praksissen | om salonen | om salongen | om butikken | om butiken |
        tietoa minusta | minusta | tietoa yrityksesta |
        yritys | yrityksesta | tarina | tarinamme | meidan tarinamme |
        rolunk | rolam | bemutatkozas | cegunkrol | despre noi | despre mine | cine suntem | hakkimizda | hakkimda | kurumsal | biz kimiz | apie mus | apie mane | par mums | meist | meie kohta | ettevottest | ettevote | meie ettevote | par uznemumu | apie imone | o nama | o meni | tko smo | o firme | σχετικα με εμας | ποιοι ειμαστε | η εταιρεια | εταιρεια |
        biography | bio | biografia | biografie | biographie | lebenslauf | vita | curriculum vitae | zur person | personliches |
        βιογραφικο | zyciorys | zivotopis | zivotopis lekare |
        the doctor | meet the doctor | meet your doctor | our doctor | our doctors | meet our doctors | meet the doctors | ο ιατρος | ο γιατρος | η ιατρος |
        o spolocnosti | profil spolocnosti | profil firmy | company profile | our profile | firmenprofil | unternehmensprofil | bedrijfsprofiel | profil de l entreprise | perfil de la empresa | o mnie | why us | why choose us | varfor oss | hvorfor os | hvorfor oss | warum wir | pourquoi nous | por que nosotros | perche noi | waarom wij |
        за нас | за мен | за компанията | кои сме ние | про нас | про мене | про компанію | о нас | о компании | обо мне | о нама | אודות | אודותינו | עלינו | מי אנחנו | 会社概要 | 会社案内 | 会社情報 | 企業情報 | 組合概要 | 私たちについて | 当社について | 关于我们 | 關於我們 | 公司简介 | 公司簡介 | 회사소개 | 회사 소개 | من نحن |
        tentang kami | tentang | tentang perusahaan | profil perusahaan | siapa kami | mengenai kami | gioi thieu | ve chung toi | เกี่ยวกับเรา | हमारे बारे में |
        kuhusu sisi | kuhusu | tungkol sa amin | tungkol sa |
        医師紹介 | 院長紹介 | ドクター紹介 | 院長あいさつ | ごあいさつ | クリニック紹介""",
    "contact": """contact | contact us | hafa samband | hafðu samband | wasiliana nasi | wasiliana | makipag ugnayan | makipag-ugnayan | contacts | get in touch | reach us | find us | contact me | write to us |
        contactinfo | contactinformatie | contact information | kontaktinfo | kontaktinformation | kontaktinformationen |
        enquiries | enquiry | make an enquiry | inquiries |
        kontakt | kontaktieren sie uns | kontakt aufnehmen | kontaktformular | kontakt anfahrt |
        contactez nous | nous contacter | contactez moi | me contacter | nous joindre | coordonnees | contacto |
        contactar | contactenos | contactanos | contacta | contatti | contatto | contattaci | contattateci |
        neem contact op | contacteer ons | contato | fale conosco | fale connosco | contacte nos | contactos |
        entre em contato | contacte | contacteu | contacta amb nosaltres | contacteu amb nosaltres |
        wie sie uns erreichen | so erreichen sie uns | erreichen sie uns | how to reach us | how to find us |
        kontakty | kontaktujte nas | napiste nam | kontakt z nami | skontaktuj sie | kontakta oss | kontakt oss |
        kontakt os | kontakta mig | ota yhteytta | yhteystiedot | yhteydenotto |
        kapcsolat | elerhetoseg | elerhetosegek | kapcsolatfelvetel | contacteaza ne | contactati ne | iletisim | bize ulasin | kontaktai | susisiekite | kontakti | sazinies ar mums | kontaktid | votke uhendust | kontaktirajte nas | kontaktujte nas | επικοινωνια |
        контакти | контакты | контакт | свържете се с нас | зв язатися з нами | звязатися з нами | связаться с нами | обратная связь | צור קשר | צרו קשר | יצירת קשר | お問い合わせ | お問合せ | お問い合せ | 問い合わせ | 問合せ | お問い合わせフォーム | 連絡先 | 联系我们 | 聯絡我們 | 聯繫我們 | 문의하기 | 연락처 | اتصل بنا | تواصل معنا |
        hubungi kami | kontak | kontak kami | hubungi | lien he | lien lac | ติดต่อเรา | संपर्क | संपर्क करें""",
    "team": """team | our team | meet the team | meet our team | people | our people | staff | leadership |
        management | unser team | das team | mitarbeiter | ansprechpartner | equipe | notre equipe | l equipe |
        equipo | nuestro equipo | el equipo | il team | il nostro team | staff | ons team | medewerkers | equipa |
        nossa equipe | nossa equipa | a equipe |
        personalas | musu komanda | komanda | zespol | nasz zespol | tym | nas tym | tiimi | henkilokunta |
        professeurs | nos professeurs | les professeurs | teachers | our teachers | lehrer | docenti |
        η ομαδα μας | η ομαδα | ομαδα μας | ekibimiz | nas tim |
        tim kami | tim hukum | doi ngu | ทีมงาน""",
    "services": """services | our services | what we do | solutions | offerings | expertise | practice areas |
        leistungen | unsere leistungen | leistungsspektrum | angebot | unser angebot | dienstleistungen | service |
        nos services | prestations | nos prestations | expertises | nos expertises | domaines d intervention |
        servicios | nuestros servicios | servizi | i nostri servizi | diensten | onze diensten | servicos |
        nossos servicos |
        layanan | layanan kami | jasa | perkhidmatan | dich vu | บริการ""",
    "careers": """careers | career | jobs | join us | work with us | vacancies | we re hiring | join our team |
        employment | karriere | stellenangebote | offene stellen | stellen | jobs karriere | carrieres |
        recrutement | emplois | nous rejoindre | rejoignez nous | offres d emploi | empleo | trabaja con nosotros |
        carreras | ofertas de empleo | lavora con noi | carriere | posizioni aperte | lavoro | vacatures |
        werken bij | werken bij ons | carriere | carreiras | trabalhe conosco | vagas | empregos |
        kariera | zamestnanie | praca | volne pracovne miesta | volna mista | prace u nas | кариери | кар єра | карьера | вакансії | вакансии | דרושים | קריירה | 採用情報 | 求人情報 | 採用""",
    "terms": """terms | terms conditions | skilmalar | vidskiptaskilmalar | kushtet e perdorimit | termat dhe kushtet | terms of service | terms of use | t c | ts cs | general terms |
        conditions | terms of business | agb | allgemeine geschaftsbedingungen | nutzungsbedingungen |
        geschaftsbedingungen | cgv | cgu | cgv cgu | conditions generales | conditions generales de vente |
        conditions generales d utilisation | conditions d utilisation | terminos condiciones | condiciones generales |
        terminos de uso | condiciones de uso | condiciones de venta | termini condizioni | condizioni generali |
        terminos de servicio | terminos del servicio | condiciones del servicio | terminos | termos | termini |
        termini di servizio | condizioni di vendita | condizioni d uso | algemene voorwaarden | voorwaarden |
        termes i condicions | condicions generals | condicions d us |
        gebruiksvoorwaarden | termos condicoes | termos de uso | termos de servico | condicoes gerais |
        obchodni podminky | vseobecne obchodni podminky | regulamin | warunki | villkor | kopvillkor |
        allmanna villkor | vilkar | handelsbetingelser | salgsbetingelser | betingelser | vilkar og betingelser |
        kayttoehdot | toimitusehdot | yleiset ehdot | yleiset sopimusehdot | myyntiehdot |
        uslovi koriscenja | uslovi koristenja | uslovi poslovanja | opsti uslovi | opsti uslovi poslovanja |
        aszf | altalanos szerzodesi feltetelek | felhasznalasi feltetelek | termeni si conditii | termeni conditii | conditii de utilizare | kullanim kosullari | sartlar ve kosullar | taisykles | naudojimosi taisykles | pirkimo taisykles | noteikumi | lietosanas noteikumi | tingimused | kasutustingimused | muugitingimused | uvjeti koristenja | uvjeti poslovanja | opci uvjeti | pogoji uporabe | splosni pogoji | pogoji poslovanja | obchodne podmienky | vseobecne obchodne podmienky | οροι χρησης | οροι και προυποθεσεις | οροι προυποθεσεις |
        общи условия | условия за ползване | умови використання | публічна оферта | пользовательское соглашение | условия использования | публичная оферта | תקנון | תקנון האתר | תנאי שימוש | 利用規約 | ご利用規約 | サイトポリシー | サイトのご利用について | 使用条款 | 服务条款 | 이용약관 | الشروط والأحكام |
        refund policy | refunds | returns | return policy | returns policy | shipping policy | shipping returns |
        widerrufsbelehrung | widerrufsrecht | widerruf | droit de retractation | retours | devoluciones |
        politica de devoluciones | resi | rimborsi | politica di reso | retourbeleid | zwroty | reklamacje |
        odstapenie od zmluvy | reklamacny poriadok | reklamacni rad |
        syarat dan ketentuan | syarat ketentuan | terma dan syarat | dieu khoan su dung | dieu khoan | ข้อกำหนดและเงื่อนไข""",
    "privacy": """privacy | privacy policy | personuvernd | personuverndarstefna | politika e privatesise | privatesia | privacy notice | privacy statement | data protection | gdpr |
        popia | popia privacy policy | popia policy | pdpa | pdpa policy |
        datenschutz | datenschutzerklarung | datenschutzhinweise | datenschutzrichtlinie | confidentialite |
        politique de confidentialite | donnees personnelles | protection des donnees | rgpd | vie privee | nakladani s osobnimi udaji |
        privacidad | politica de privacidad | proteccion de datos | aviso de privacidad | informativa privacy |
        informativa sulla privacy | privacybeleid | privacyverklaring | privacyverklaring | privacidade |
        politica de privacidade | protecao de dados | politica de privacitat | privacitat | proteccio de dades |
        ochrana osobnich udaju | zasady ochrany osobnich udaju | polityka prywatnosci | rodo | integritetspolicy |
        personuppgifter | integritet | personvern | personvernerklaering | personvernerklaring | privatlivspolitik |
        persondatapolitik | privatliv | tietosuoja | tietosuojaseloste | tietosuojakaytanto |
        adatvedelem | adatvedelmi tajekoztato | adatkezelesi tajekoztato | adatkezeles | adatvedelmi nyilatkozat | politica de confidentialitate | confidentialitate | protectia datelor | gizlilik | gizlilik politikasi | kvkk | kvkk aydinlatma metni | aydinlatma metni | kisisel verilerin korunmasi | privatumo politika | privatumas | privatuma politika | privatums | privaatsus | privaatsuspoliitika | andmekaitse | politika privatnosti | privatnost | zastita podataka | izjava o privatnosti | politika zasebnosti | zasebnost | varstvo osebnih podatkov | ochrana osobnych udajov | πολιτικη απορρητου | απορρητο |
        ochrana sukromia | zasady ochrany osobnych udajov | политика за поверителност | поверителност | защита на личните данни | лични данни | політика конфіденційності | конфіденційність | захист персональних даних | политика конфиденциальности | конфиденциальность | персональные данные | обработка персональных данных | מדיניות פרטיות | מדיניות הפרטיות | פרטיות | プライバシーポリシー | 個人情報保護方針 | 個人情報の取り扱い | 個人情報の取扱い | 個人情報保護 | 個人情報保護ポリシー | 隐私政策 | 隱私政策 | 개인정보처리방침 | 개인정보 처리방침 | سياسة الخصوصية |
        kebijakan privasi | privasi | dasar privasi | chinh sach bao mat | chinh sach quyen rieng tu | นโยบายความเป็นส่วนตัว""",
    "legal": """legal notice | imprint | legal | legal information | site notice | legal disclosure | colophon |
        impressum | rechtliche hinweise | anbieterkennzeichnung | rechtliches | pflichtangaben | gesetzliche angaben | angaben gemass 5 tmg | mentions legales |
        informations legales | aviso legal | nota legal | informacion legal | note legali | nota legale | avviso legale |
        informazioni legali | colofon | juridische informatie | informacoes legais | avis legal |
        pravni informace | nota prawna | informacje prawne | juridisk information |
        impresszum | jogi nyilatkozat | szolgaltato adatai | uzemelteto adatai | cegadatok | informatii legale | yasal uyari | pravne napomene | pravno obvestilo | νομικη σημειωση |
        στοιχεια εταιρειας | εταιρικα στοιχεια | στοιχεια νομικου προσωπου | company details | firmendaten | dati societari | dati aziendali | datos de la empresa |
        pravne informacie | pravne upozornenie | правна информация | правовая информация | реквизиты | реквізити | 特定商取引法に基づく表記 | 特定商取引法表記 | 特商法表記 | 特定商取引に関する法律に基づく表記 | 特定商取引法 |
        legalitas | legalitas perusahaan""",
    "cookies": """cookies | cookie policy | cookie notice | cookie statement | cookie richtlinie | cookie hinweise |
        cookierichtlinie | politique de cookies | gestion des cookies | politique relative aux cookies |
        politica de cookies | politica de galetes | galetes | cookie policy | informativa cookie | informativa sui cookie | cookiebeleid |
        cookieverklaring | cookie beleid | οροι cookies | πολιτικη cookies |
        suti tajekoztato | cookie tajekoztato | politica cookies | cerez politikasi | cerezler | slapukai | slapuku politika | sikdatnes | kupsised | kolacici | politika kolacica | piskotki | politika piskotkov |
        бисквитки | политика за бисквитки""",
}
# URL slugs (last path segment, folded, extension dropped, _ as -).
_SLUGS: dict[str, str] = {
    "about": """about about-us um-okkur um-mig rreth-nesh aboutus about-me who-we-are our-story story company the-company history ueber-uns uber-uns
        geschichte unsere-geschichte notre-mission our-mission mission unsere-mission nuestra-mision la-nostra-missione
        onze-missie
        ueberuns uberuns ueber-mich unternehmen das-unternehmen firma wir-ueber-uns apropos a-propos qui-sommes-nous
        qui-suis-je notre-histoire l-entreprise entreprise presentation cabinet le-cabinet institut l-institut notre-institut
        praxis unsere-praxis die-praxis clinica la-clinica nuestra-clinica lo-studio l-hotel the-hotel das-hotel el-hotel
        hotellet notre-boutique unser-laden quienes-somos quien-soy sobre-mi sobre-nosotros
        nosotros empresa la-empresa chi-siamo chisiamo chi-sono azienda storia over-ons overons over-mij over wie-zijn-wij
        sobre-nos sobre quem-somos a-empresa historia qui-som qui-soc sobre-nosaltres aboutme
        o-nas onas o-firmie o-spolecnosti om om-oss om-os om-meg om-mig tietoa-meista meista me tarina tarinamme
        om-virksomheden om-firmaet om-foretaget om-bedriften om-selskabet om-selskapet
        om-klinikken om-kliniken om-klinikk om-praksis om-praksissen om-salonen om-salongen om-butikken om-butiken
        tietoa-minusta minusta tietoa-yrityksesta
        rolunk bemutatkozas despre-noi despre hakkimizda hakkimda kurumsal apie apie-mus par-mums meist ettevote ettevottest par-uznemumu apie-imone o-nama o-meni o-firme sxetika poioi-eimaste
        biography bio biografia biografie biographie lebenslauf vita curriculum cv zur-person persoenliches personliches viografiko zyciorys zivotopis
        o-spolocnosti profil-spolocnosti profil-firmy company-profile companyprofile our-profile firmenprofil unternehmensprofil bedrijfsprofiel o-mnie za-nas za-men za-kompaniyata pro-nas pro-mene o-kompanii obo-mne gaiyou kaisha-gaiyou kaishagaiyou why-us why-choose-us varfor-oss hvorfor-os hvorfor-oss warum-wir pourquoi-nous por-que-nosotros perche-noi waarom-wij
        tentang-kami tentang tentang-perusahaan profil-perusahaan siapa-kami gioi-thieu ve-chung-toi""",
    "contact": """contact contact-us hafa-samband hafdu-samband contactus contacts get-in-touch reach-us find-us kontakt kontaktformular
        contactinfo contact-info contactinformatie contact-information kontaktinfo kontakt-info
        kontakt-anfahrt contactez-nous nous-contacter contact-form contacto contactenos contactar contatti
        contattaci contatto contato fale-conosco contacte-nos contacte contacteu contactos contatos contactanos
        kontakty kontaktujte-nas kontakt-z-nami kontakta-oss kontakt-oss kontakt-os yhteystiedot ota-yhteytta
        wie-sie-uns-erreichen
        kapcsolat elerhetoseg elerhetosegek iletisim kontaktai kontakti kontaktid epikoinonia
        otoiawase toiawase inquiry inquiries enquiry enquiries enquire
        hubungi-kami kontak kontak-kami hubungi lien-he""",
    "team": """team our-team the-team meet-the-team people our-people staff leadership management-team unser-team
        das-team mitarbeiter ansprechpartner equipe notre-equipe l-equipe equipo nuestro-equipo il-team ons-team
        medewerkers equipa nossa-equipe nossa-equipa omada i-omada-mas ekibimiz ekip nas-tim
        tim-kami tim-hukum doi-ngu""",
    "services": """services our-services service what-we-do solutions leistungen unsere-leistungen dienstleistungen
        angebot leistungsspektrum prestations nos-services nos-prestations expertises expertise servicios
        nuestros-servicios servizi i-nostri-servizi diensten onze-diensten servicos nossos-servicos practice-areas
        layanan layanan-kami jasa perkhidmatan dich-vu""",
    "careers": """careers career jobs join-us work-with-us vacancies karriere stellenangebote jobs-karriere
        offene-stellen recrutement carrieres emplois nous-rejoindre empleo trabaja-con-nosotros lavora-con-noi
        carriere vacatures werken-bij carreiras trabalhe-conosco vagas
        kariera zamestnanie praca volne-pracovne-miesta volna-mista vakansii kariery recruit saiyo""",
    "terms": """terms terms-and-conditions skilmalar kushtet-e-perdorimit terms-conditions termsandconditions terms-of-service terms-of-use tos
        tandc conditions agb nutzungsbedingungen cgv cgu conditions-generales conditions-generales-de-vente
        terminos-y-condiciones condiciones-generales terminos-de-uso termini-e-condizioni condizioni-generali
        terminos terminos-de-servicio terminos-del-servicio termos termini
        algemene-voorwaarden voorwaarden termos-e-condicoes termos-de-uso termos-de-servico termes-i-condicions
        condicions-generals
        obchodni-podminky vop regulamin villkor kopvillkor allmanna-villkor vilkar handelsbetingelser
        salgsbetingelser betingelser kayttoehdot toimitusehdot yleiset-ehdot yleiset-sopimusehdot myyntiehdot
        uslovi-koriscenja uslovi-koristenja uslovi-poslovanja opsti-uslovi oroi oroi-xrisis oroi-chrisis
        aszf termeni-si-conditii termeni-conditii kullanim-kosullari taisykles noteikumi tingimused uvjeti-koristenja pogoji-uporabe splosni-pogoji obchodne-podmienky oroi-xrisis
        refund-policy refunds returns return-policy returns-policy shipping-policy widerrufsbelehrung widerrufsrecht
        widerruf retours devoluciones politica-de-devoluciones rimborsi retourbeleid zwroty reklamacny-poriadok
        reklamacni-rad
        syarat-dan-ketentuan syarat-ketentuan terma-dan-syarat dieu-khoan dieu-khoan-su-dung""",
    "privacy": """privacy privacy-policy personuvernd personuverndarstefna privatesia politika-e-privatesise privacypolicy privacy-notice privacy-statement data-protection datenschutz
        popia popia-policy pdpa
        datenschutzerklaerung datenschutzerklarung datenschutzhinweise confidentialite politique-de-confidentialite
        donnees-personnelles protection-des-donnees rgpd privacidad politica-de-privacidad proteccion-de-datos
        informativa-privacy privacybeleid privacyverklaring privacidade politica-de-privacidade gdpr
        politica-de-privacitat privacitat proteccio-de-dades
        ochrana-osobnich-udaju gdpr-cz polityka-prywatnosci rodo integritetspolicy personuppgifter personvern
        personvernerklaering privatlivspolitik persondatapolitik privatliv privatlivspolitikk personvernerklaring
        tietosuoja tietosuojaseloste
        adatvedelem adatvedelmi-tajekoztato adatkezelesi-tajekoztato adatkezeles politica-de-confidentialitate confidentialitate gizlilik gizlilik-politikasi kvkk privatumas privatumo-politika privatuma-politika privaatsus privaatsuspoliitika andmekaitse politika-privatnosti privatnost politika-zasebnosti zasebnost ochrana-osobnych-udajov politiki-aporritou
        ochrana-sukromia politika-za-poveritelnost poveritelnost politika-konfidencialnosti konfidencialnost
        kebijakan-privasi privasi dasar-privasi chinh-sach-bao-mat""",
    "legal": """impressum imprint legal-notice legal legal-notices legal-information mentions-legales mentions
        aviso-legal avis-legal nota-legal note-legali avviso-legale legale colofon colophon site-notice rechtliches informations-legales
        rechtliche-hinweise pflichtangaben gesetzliche-angaben
        impresszum
        tokushoho tokusho tokuteishotorihiki rekvizity legalitas""",
    "cookies": """cookies cookie cookie-policy cookiepolicy cookie-notice cookie-richtlinie cookie-richtlinie-eu
        cookierichtlinie politique-de-cookies politica-de-cookies politica-de-galetes galetes cookiebeleid cookieverklaring
        cerez-politikasi slapukai sikdatnes kupsised kolacici piskotki politica-cookies cookie-terms cookies-policy""",
}
# A booking page is the contact page of a site that has no other: a B&B's
# "Prenotazioni", a restaurant's "Reservas" hold its phone and e-mail; and
# so is a tradesman's "Free estimate" / "Devis" / "Offerte" request page, and a
# practice's "Termine" (appointments).
_BOOKING_WORDS = frozenset("""reservas reservar reserva reservations reservation reserve booking bookings book
    prenota prenotazioni prenotazione prenotare buchen buchung reservieren reservierung reserveren reservering
    reserver reservez reservation-en-ligne agendamento agendar bokning boka booking bestil bestilling
    varaa varaus ajanvaraus rezerwacja rezervace rantevou ραντεβου
    consulta consultas estimate quote devis preventivo presupuesto orcamento wycena offerte offert offertförfrågan anfrage
    appointment appointments termin termine terminvereinbarung afspraak afspraken""".split())
# A page that says where the business is ("Dove siamo", "Anfahrt" is a
# contact word already) often holds its address and numbers: fetched as a
# contact page after the real one, or in its place with the booking page.
_LOCATION_PHRASES = frozenset("""dove siamo|come raggiungerci|donde estamos|como llegar|onde estamos|como chegar|
    ou nous trouver|nous trouver|plan d acces|acces|so finden sie uns|lageplan|standort|anfahrt|hitta hit|find os|
    location|our location|locations|directions|how to get here|find us|how to find us|waar vindt u ons|route|
    tider og steder|tid og sted|hours and location|location and hours|opening hours and location|
    map|mappa|mapa|kart|karta|kartta|finn frem|finn oss|veibeskrivelse|vagbeskrivning|ajo-ohjeet|vejvisning
    """.replace("\n", " ").split("|"))
_LOCATION_SLUGS = frozenset("""dove-siamo dovesiamo come-raggiungerci donde-estamos como-llegar onde-estamos
    nous-trouver plan-d-acces acces lageplan standort anfahrt location locations directions route find-us findus
    how-to-find-us tidogsted tider-og-steder hours-and-location map mappa mapa kart karta kartta finn-frem finn-oss veibeskrivelse vagbeskrivning ajo-ohjeet""".split())
# The section of a business with several premises, one page per branch
# ("/locatie/hilvertshoek/", "/standorte/ulm", "/our-locations/leeds"): each
# page gives that branch's address, phone and e-mail.
_BRANCH_SECTIONS = frozenset("""locatie locaties locations our-locations location vestigingen vestiging standorte
    filialen filiale praxen sedi le-nostre-sedi sucursales sedes agences nos-agences implantations nos-salons
    salons clinics our-clinics branches our-branches placowki pobocky prodejny butikker afdelinger""".split())
BRANCHES = 3
_FILLER = frozenset(
    """the our your my of and und et y e en ed our a an der die das den dem le la les l de du des d el los las il lo
    gli i het een o os as do da dos das page pagina seite policy richtlinie politique politica beleid more mehr
    plus read info relative relatives relatif relatifs aux au concernant regarding sur""".split()
)
# Roles judged from a parent directory too (/services/audit.html, /careers/engineer).
_PARENT_ROLES = ("services", "careers", "team", "about", "legal")
_HOME_FILES = frozenset({"index", "default", "home", "start", "startseite", "accueil", "inicio", "main"})
_EXTENSION = re.compile(r"\.(?:html?|php\d?|aspx?|jsp|cfm|shtml)$", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Letters of the scripts link texts and slugs come in after folding: Latin,
# Greek, Cyrillic, Hebrew, Arabic, and CJK with kana (their voicing marks)
# and Hangul (decomposed into jamo by NFKD).
_NON_WORD = re.compile(
    "[^a-z0-9\u03b1-\u03c9\u0400-\u04ff\u05d0-\u05ea\u0620-\u064a\u0900-\u097f\u0e00-\u0e7f\u1100-\u11ff\u3041-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+"
)
_LANGUAGE_DIR = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$", re.I)
_MAX_LABEL_WORDS = 6


_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _text_key(text: str) -> str:
    # "Impressum (in German)", "Kontakt »": the label is what is left.
    words = _NON_WORD.sub(" ", fold(_ASIDE.sub(" ", text))).split()
    return " ".join(w for w in words if w not in _FILLER)


def _slug_key(segment: str) -> str:
    segment = _CAMEL.sub("-", _EXTENSION.sub("", unquote(segment)))
    return "-".join(_NON_WORD.sub(" ", fold(segment)).split())


def _phrases(table: str) -> frozenset[str]:
    return frozenset(_text_key(p) for p in table.split("|") if p.strip())


_TEXT_ROLES = {role: _phrases(table) for role, table in _TEXTS.items()}
_SLUG_ROLES = {slug: role for role, table in _SLUGS.items() for slug in table.split()}


def _segments(url: str) -> list[str]:
    try:
        path = urlsplit(url).path
    except ValueError:
        return []
    return [s for s in path.split("/") if s]


def is_home_path(url: str) -> bool:
    """The site root: "/", "/index.html", a language root ("/en/")."""
    segments = _segments(url)
    if segments and _EXTENSION.sub("", segments[-1]).lower() in _HOME_FILES:
        segments = segments[:-1]
    # (a two-letter page that names a role is that page: the Nordic "/om" is
    # about, not Oromo's home)
    return not segments or (len(segments) == 1 and bool(_LANGUAGE_DIR.match(segments[0]))
                            and segments[0].lower() not in _SLUG_ROLES)


_PRONOUNS = frozenset({"me", "us", "nous", "nos", "uns"})


def _slug_role(url: str) -> tuple[str | None, float]:
    segments = _segments(url)
    if not segments:
        return None, 0.0
    slug = _slug_key(segments[-1])
    role = _SLUG_ROLES.get(slug)
    if role:
        return role, 3.0
    # "/westmere-about.html", "/acme-privacy-policy": a brand prefix before a
    # known slug, on a page at the top of the site.
    words = slug.split("-")
    top_level = len(segments) == 1 or (len(segments) == 2 and _LANGUAGE_DIR.match(segments[0]))
    if top_level and len(words) >= 2:
        if words[0] in _SLUG_ROLES and len(words) == 2 and words[1] in _PRONOUNS:
            # "/contact-me": a role's word, not a brand, before "me" (which alone says about)
            return _SLUG_ROLES[words[0]], 2.5
        for cut in (1, 2):
            tail = "-".join(words[cut:])
            if tail and tail in _SLUG_ROLES and len(words) - cut >= 1:
                return _SLUG_ROLES[tail], 2.5
    return None, 0.0


def _has_query(url: str) -> bool:
    try:
        return bool(urlsplit(url).query)
    except ValueError:
        return False


def _text_role(text: str) -> str | None:
    if not text or len(text.split()) > _MAX_LABEL_WORDS:
        return None  # a sentence or a headline, not a menu label
    key = _text_key(text)
    if not key:
        return None
    for role, phrases in _TEXT_ROLES.items():
        if key in phrases:
            return role
    # two names of one role joined: "Vie privée & RGPD", "Privacy and GDPR"
    # (not a role's name beside a word naming none: "Legal & Policies" is a list of policies)
    parts = [part for part in _HEADING_JOINS.split(text) if part.strip()]
    if len(parts) > 1:
        roles = {_text_role(part) for part in parts}
        if len(roles) == 1:
            return roles.pop()
    return None


def _parent_role(url: str) -> str | None:
    segments = _segments(url)
    if len(segments) == 2:
        role = _SLUG_ROLES.get(_slug_key(segments[0]))
        if role in _PARENT_ROLES:
            return role
    return None


# What a page that is about personal data says, in the languages of the role
# words: two different ones make a legal notice its site's privacy statement.
_PERSONAL_DATA = re.compile(
    r"personal data|personal information|personenbezogene\w* daten|donnees (?:a caractere )?personnel(?:le)?s?\b|"
    r"informations? (?:d.identification )?personnelles?|datos personales|dati personali|persoonsgegevens|"
    r"dados pessoais|dane osobowe|osobni udaje|personuppgifter|personoplysninger|personopplysninger|"
    r"henkilotie\w*|\bgdpr\b|\bdsgvo\b|\brgpd\b|\bavg\b|\bcookies?\b"
)


def covered_roles(doc: Document, role: str | None) -> list[str]:
    """Roles a legal notice (or terms page) also serves: the privacy
    statement, when a section of it is headed as one ("Datenschutz",
    "Protection des données") or its text speaks of personal data in two
    different terms. A contact or about page ("Kontakt & Info") serves it
    only with a section headed as one. And the legal notice a section of
    the terms or the privacy statement is ("6. Mentions légales"). Used
    only for a site with no page of its own for the role."""
    if role == "home":
        return _home_named(doc)
    if role not in ("legal", "terms", "privacy", "contact", "about"):
        return []
    body = [line for line in doc.lines if not line.flags & (HEADER | FOOTER | NAV)]
    headings = [line for line in body if line.heading]
    headed = set().union(*(_heading_roles(line.text) for line in headings))
    # (a numbered clause of the terms, "18. Privacy & Data Respect", is no
    # privacy statement; "6. Mentions légales" is the notice)
    numbered = set().union(*(_heading_roles(_HEADING_NUMBER.sub("", line.text)) for line in headings))
    # a legal notice titled as the terms too ("Aviso legal y términos de uso",
    # "Impressum & AGB"): one page for both; a section of it on the terms
    # of use ("Condiciones de uso") is only a part of the notice
    # (the title may stand in the page's header: "<header><h1>Aviso legal y…")
    titles = [line for line in doc.lines if line.heading and not line.flags & (FOOTER | NAV)]
    title = min(titles, key=lambda line: line.heading, default=None)
    covers = ["terms"] if role == "legal" and title is not None and "terms" in _heading_roles(title.text) else []
    if role in ("terms", "privacy") and "legal" in numbered:
        # the terms of sale ending in a section "6. Mentions légales", the
        # ÁSZF's "A Szolgáltató adatai": the site's legal notice
        covers.append("legal")
    if role == "privacy":
        return covers
    if "privacy" in headed:
        return ["privacy", *covers, *(["legal"] if role in ("contact", "about") and "legal" in headed else [])]
    if role in ("contact", "about"):
        # "Kontakt" with a section "Impressum": the contact page is the legal notice too
        return covers + (["legal"] if "legal" in headed and "legal" not in covers else [])
    terms = {match.group(0) for line in body for match in _PERSONAL_DATA.finditer(fold(line.text))}
    return ["privacy", *covers] if len(terms) >= 2 else covers


def _home_named(doc: Document) -> list[str]:
    """The roles a menu gives the home page itself: "O nas" linking to
    ``index.html`` (a site whose home page is its about page), "Impressum"
    (one whose home page is its legal notice). A section of
    the home page ("Kontakt" → ``#kontakt``) is no page, and plays no role."""
    found: list[str] = []
    for anchor in doc.anchors:
        if "#" in anchor.href or not anchor.href.strip() or not is_home_path(anchor.href):
            continue
        role = _text_role(anchor.text)
        if role in ("about", "contact", "legal") and role not in found:  # (legal: "Impressum" on the home page)
            found.append(role)
    return found


_HEADING_NUMBER = re.compile(r"^\s*(?:(?:\d{1,2}|[IVX]{1,4}|[a-h])[.)]\s*)+|\s*:\s*$")
# Between the names of two roles one heading gives ("Impressum & AGB",
# "Aviso legal y términos de uso", "Legal notice and terms of use").
_HEADING_JOINS = re.compile(r"\s*[&/|+,]\s*|\s+(?:and|und|y|e|et|ed|en|og|och|i|a|ja|és|și|ve)\s+", re.I)


def _heading_roles(text: str) -> set[str]:
    """The roles a heading names, alone or joined ("Impressum & AGB")."""
    roles = {_text_role(part) for part in _HEADING_JOINS.split(text)} | {_text_role(text)}
    return roles - {None}


def page_role(url: str, text: str = "") -> str | None:
    """The role of the page a link with this URL and text leads to, or None."""
    return _judge(url, text)[0]


def role_from_sitemap_url(url: str) -> str | None:
    """The role a sitemap entry's URL shows by its slug alone."""
    if is_home_path(url):
        return "home"
    return _slug_role(url)[0]


# Pages that serve a role when the site has nothing better: a notice under
# one data-protection law (KVKK, RODO, GDPR) beside the privacy policy
# proper, a "Why us" page on a site with no "About us", a refund or
# withdrawal policy (which names where to write to) beside the terms.
_SECOND_CHOICE_SLUGS = frozenset("""kvkk kvkk-aydinlatma-metni aydinlatma-metni rodo gdpr gdpr-cz rgpd dsgvo lgpd
    notre-mission our-mission mission unsere-mission nuestra-mision la-nostra-missione onze-missie
    why-us why-choose-us varfor-oss hvorfor-os hvorfor-oss warum-wir pourquoi-nous por-que-nosotros perche-noi
    waarom-wij refund-policy refunds returns return-policy returns-policy shipping-policy widerrufsbelehrung
    widerrufsrecht widerruf retours devoluciones politica-de-devoluciones rimborsi retourbeleid zwroty
    reklamacny-poriadok reklamacni-rad""".split())
_SECOND_CHOICE_TEXTS = _phrases("""kvkk | kvkk aydinlatma metni | aydinlatma metni | kisisel verilerin korunmasi |
    rodo | gdpr | rgpd | dsgvo | lgpd | notre mission | our mission | unsere mission | nuestra mision |
    la nostra missione | onze missie | why us | why choose us | varfor oss | hvorfor os | hvorfor oss | warum wir |
    pourquoi nous | por que nosotros | perche noi | waarom wij | refund policy | refunds | returns | return policy |
    returns policy | shipping policy | shipping returns | widerrufsbelehrung | widerrufsrecht | widerruf |
    droit de retractation | retours | devoluciones | politica de devoluciones | resi | rimborsi | politica di reso |
    retourbeleid | zwroty | reklamacje | odstapenie od zmluvy | reklamacny poriadok | reklamacni rad""")


def _is_second_choice(url: str, text: str) -> bool:
    segments = _segments(url)
    slug = _slug_key(segments[-1]) if segments else ""
    return slug in _SECOND_CHOICE_SLUGS or (bool(text) and _text_key(text) in _SECOND_CHOICE_TEXTS)


_GENERIC_SLUG_ROLES = frozenset({"services"})


def _judge(url: str, text: str) -> tuple[str | None, float]:
    if is_home_path(url):
        # "/?page_id=4" is a page of its own, named by its link text
        if not _has_query(url):
            return "home", 3.0
        text_role = _text_role(text)
        return (text_role, 2.0) if text_role else ("home", 1.0)
    slug_role, score = _slug_role(url)
    text_role = _text_role(text)
    if slug_role in _GENERIC_SLUG_ROLES and text_role and text_role not in _GENERIC_SLUG_ROLES:
        # "Notre Histoire" on services.html: the menu names the page for
        # what it is; a file named "services" only says what the site sells
        # (over the same file's links with no words: an icon's)
        return text_role, score + 0.5 - (1.0 if _is_second_choice(url, text) else 0.0)
    if slug_role:
        score += 0.5 if text_role == slug_role else 0.0
        return slug_role, score - (1.0 if _is_second_choice(url, text) else 0.0)
    if text_role:
        return text_role, 2.0 - (1.0 if _is_second_choice(url, text) else 0.0)
    parent = _parent_role(url)
    if parent:
        return parent, 1.0
    return None, 0.0


_FALLBACKS: dict[str, dict[str, list[str]]] = {
    "home": {"en": ["/"]},
    "about": {
        "en": ["/about", "/about-us", "/company"], "de": ["/ueber-uns", "/about", "/unternehmen"],
        "fr": ["/a-propos", "/qui-sommes-nous"], "es": ["/quienes-somos", "/sobre-nosotros"],
        "ca": ["/qui-som", "/sobre-nosaltres"], "it": ["/chi-siamo", "/azienda"], "nl": ["/over-ons"], "pt": ["/sobre-nos", "/quem-somos", "/sobre"],
        "pl": ["/o-nas", "/o-firmie"], "cs": ["/o-nas"], "sk": ["/o-nas"], "sl": ["/o-nas"], "hr": ["/o-nama"],
        "sv": ["/om-oss"], "da": ["/om-os"], "no": ["/om-oss"], "nb": ["/om-oss"], "fi": ["/meista", "/yritys"],
        "id": ["/tentang-kami"], "ms": ["/tentang-kami"], "vi": ["/gioi-thieu"],
    },
    "contact": {
        "en": ["/contact", "/contact-us"], "de": ["/kontakt"], "fr": ["/contact", "/nous-contacter", "/contactez-nous"],
        "es": ["/contacto"], "ca": ["/contacte"], "it": ["/contatti"], "nl": ["/contact"], "pt": ["/contato", "/contacto", "/fale-conosco"],
        "pl": ["/kontakt"], "cs": ["/kontakt", "/kontakty"], "sk": ["/kontakt"], "sl": ["/kontakt"], "hr": ["/kontakt"],
        "sv": ["/kontakt", "/kontakta-oss"], "da": ["/kontakt"], "no": ["/kontakt"], "nb": ["/kontakt"],
        "fi": ["/yhteystiedot", "/ota-yhteytta"],
        "id": ["/kontak", "/hubungi-kami"], "ms": ["/hubungi-kami"], "vi": ["/lien-he"],
    },
    "team": {
        "en": ["/team", "/our-team", "/about/team"], "de": ["/team", "/unser-team"], "fr": ["/equipe", "/notre-equipe"],
        "es": ["/equipo", "/nuestro-equipo"], "it": ["/team", "/chi-siamo/team"], "nl": ["/team", "/ons-team"],
        "pt": ["/equipe", "/equipa"],
    },
    "services": {
        "en": ["/services", "/our-services"], "de": ["/leistungen", "/dienstleistungen"],
        "fr": ["/services", "/prestations", "/nos-services"], "es": ["/servicios"], "it": ["/servizi"],
        "nl": ["/diensten"], "pt": ["/servicos"],
    },
    "careers": {
        "en": ["/careers", "/jobs"], "de": ["/karriere", "/jobs"], "fr": ["/carrieres", "/recrutement"],
        "es": ["/empleo", "/trabaja-con-nosotros"], "it": ["/lavora-con-noi", "/carriere"], "nl": ["/vacatures", "/werken-bij"],
        "pt": ["/carreiras", "/trabalhe-conosco"],
    },
    "terms": {
        "en": ["/terms", "/terms-and-conditions", "/terms-of-service"], "de": ["/agb", "/nutzungsbedingungen"],
        "fr": ["/cgv", "/conditions-generales-de-vente", "/cgu"], "es": ["/terminos-y-condiciones", "/condiciones-generales"],
        "it": ["/termini-e-condizioni", "/condizioni-generali"], "nl": ["/algemene-voorwaarden"], "pt": ["/termos-e-condicoes", "/termos-de-uso"],
    },
    "privacy": {
        "en": ["/privacy", "/privacy-policy"], "de": ["/datenschutz", "/datenschutzerklaerung"],
        "fr": ["/politique-de-confidentialite", "/confidentialite"], "es": ["/politica-de-privacidad", "/privacidad"],
        "ca": ["/politica-de-privacitat", "/privacitat"], "it": ["/privacy", "/privacy-policy"], "nl": ["/privacybeleid", "/privacy"], "pt": ["/politica-de-privacidade", "/privacidade"],
    },
    "legal": {
        "en": ["/legal-notice", "/imprint", "/legal"], "de": ["/impressum"], "fr": ["/mentions-legales"],
        "es": ["/aviso-legal"], "ca": ["/avis-legal"], "it": ["/note-legali"], "nl": ["/colofon"], "pt": ["/aviso-legal"],
    },
    "cookies": {
        "en": ["/cookie-policy", "/cookies"], "de": ["/cookie-richtlinie", "/cookies"], "fr": ["/politique-de-cookies", "/cookies"],
        "es": ["/politica-de-cookies"], "it": ["/cookie-policy"], "nl": ["/cookiebeleid"], "pt": ["/politica-de-cookies"],
    },
}
_MAX_FALLBACKS = 4


def fallback_paths(role: str, language: str | None, suffix: str = "") -> list[str]:
    """Common paths for a role no link led to: the page language's first,
    then English, at most four; ``suffix`` (".html") is the site's own
    way of naming pages (``link_suffix``)."""
    table = _FALLBACKS.get(role, {})
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    paths: list[str] = []
    for lang in (primary, "en"):
        for path in table.get(lang, []):
            path += suffix if path != "/" else ""
            if path not in paths:
                paths.append(path)
    return paths[:_MAX_FALLBACKS]


_PAGE_SUFFIX = re.compile(r"\.(html?|php|aspx?)$", re.I)


def link_suffix(links: Iterable[Link], home_url: str) -> str:
    """The file suffix the site's pages are named with (".html" on a site
    of static files), when most of the same-site links have one: a guessed
    "/kontakt" is "/kontakt.html" there, as its own links would write it."""
    site = site_host(home_url)
    suffixes = []
    for link in links:
        segments = _segments(link.url)
        try:
            elsewhere = site_host(link.url) != site
        except ValueError:
            continue
        if elsewhere or not segments or segments[-1].lower() in ("index.html", "index.htm", "index.php"):
            continue
        found = _PAGE_SUFFIX.search(segments[-1])
        suffixes.append(found.group(0).lower() if found else "")
    if not suffixes:
        return ""
    common = max(set(suffixes), key=suffixes.count)
    return common if suffixes.count(common) * 2 > len(suffixes) else ""


def _is_booking(url: str, text: str) -> bool:
    segments = _segments(url)
    words = set(_slug_key(segments[-1]).split("-")) if segments else set()
    label = _text_key(text).split() if text and len(text.split()) <= _MAX_LABEL_WORDS else []
    return bool(words & _BOOKING_WORDS) or bool(label and label[0] in _BOOKING_WORDS)


_LOCATION_KEYS = frozenset(_text_key(p) for p in _LOCATION_PHRASES if p.strip())


def _is_location(url: str, text: str) -> bool:
    segments = _segments(url)
    if segments and _slug_key(segments[-1]) in _LOCATION_SLUGS:
        return True
    return bool(text) and len(text.split()) <= _MAX_LABEL_WORDS and _text_key(text) in _LOCATION_KEYS


def _is_branch(url: str) -> bool:
    """A page of one branch, in the section listing the premises."""
    segments = _segments(url)
    return len(segments) >= 2 and _slug_key(segments[-2]) in _BRANCH_SECTIONS


def is_location_page(url: str) -> bool:
    """A page, by its address, that says how to get to the business
    ("/come-raggiungerci", "/directions")."""
    return _is_location(url, "")


def discover_role_pages(links: Iterable[Link], home_url: str, *, per_role: int = 2) -> dict[str, list[str]]:
    """Same-site pages per role among a page's links, best first. A site
    without a contact page gets its booking page as such (listed again
    under "booking": a stand-in, which a contact page found another way
    replaces)."""
    site = site_host(home_url)
    home_key = _page_key(home_url)
    best: dict[str, tuple[str, float, int]] = {}  # page key -> (role, score, order)
    urls: dict[str, str] = {}
    booking: list[str] = []
    location: list[str] = []
    branches: list[str] = []
    located: set[str] = set()
    for order, link in enumerate(links):
        try:
            if site_host(link.url) != site:
                continue
        except ValueError:
            continue
        role, score = max((_judge(link.url, text) for text in (link.text, *link.other_texts)), key=lambda j: j[1])
        if role is None:
            if is_home_path(link.url):
                continue
            if _is_location(link.url, link.text) and link.url not in location:
                location.append(link.url)
            elif _is_branch(link.url) and link.url not in branches and len(branches) < BRANCHES:
                branches.append(link.url)
            elif _is_booking(link.url, link.text) and link.url not in booking:
                booking.append(link.url)
            continue
        key = _page_key(link.url)
        if role == "contact" and _is_location(link.url, link.text):
            located.add(key)  # "How to Find Us": a contact page that only says where
        if role == "home":
            if _has_query(link.url):
                continue  # "/?skip=1": the home page with a twist, not another page
        elif key == home_key or (is_home_path(link.url) and not _has_query(link.url)):
            continue
        current = best.get(key)
        if current is None or score > current[1]:
            best[key] = (role, score, order if current is None else current[2])
            urls.setdefault(key, link.url)
    found: dict[str, list[tuple[float, int, str]]] = {}
    if is_home_path(home_url):
        found["home"] = [(99.0, -1, home_url)]
        best.pop(home_key, None)
    for key, (role, score, order) in best.items():
        if role == "home" and "home" in found:
            continue  # one home is enough: the others are its aliases
        found.setdefault(role, []).append((score, order, urls[key]))
    # after the contact page(s): the booking page when there is none, then
    # the page saying where the business is
    booked = not any(role == "contact" and key not in located for key, (role, _, _) in best.items())
    extra = (booking if booked else []) + location
    if extra:
        found.setdefault("contact", []).extend((0.5, n, url) for n, url in enumerate(extra))
    out = {
        role: [url for _, _, url in sorted(entries, key=lambda e: (-e[0], e[1]))[:per_role]]
        for role, entries in found.items()
    }
    if branches:
        # every branch's page, after the contact pages: the addresses of all
        # the premises are the business's
        out["contact"] = out.get("contact", []) + [url for url in branches if url not in out.get("contact", [])]
    stand_ins = [url for url in out.get("contact", []) if booked and url in booking]
    if stand_ins:
        out["booking"] = stand_ins
    return out


def language_homes(links: Iterable[Link], page_url: str, *, limit: int = 2) -> list[str]:
    """The same site's home pages in other languages ("/pt/index.html",
    "/en/") that a page links to, in the page's order, at most ``limit``:
    where a language chooser at the site's root leads."""
    site = site_host(page_url)
    own = _page_key(page_url)
    out: list[str] = []
    for link in links:
        try:
            same = site_host(link.url) == site
        except ValueError:
            continue
        segments = _segments(link.url)
        if (same and segments and is_home_path(link.url) and _LANGUAGE_DIR.match(segments[0])
                and _page_key(link.url) != own and link.url not in out):
            out.append(link.url)
            if len(out) == limit:
                break
    return out


def _page_key(url: str) -> str:
    key = dedupe_key(url)
    parts = urlsplit(key)
    path = _EXTENSION.sub("", parts.path.rstrip("/")) if parts.path not in ("", "/") else ""
    return f"{parts.netloc}{path}?{parts.query}"



# A menu item is named in a few words ("Opening hours", "Unsere Zimmer").
_MENU_WORDS = 5


def menu_pages(links: Iterable[Link], home_url: str, taken: Iterable[str], *, limit: int) -> list[str]:
    """The home page's other pages (a menu's "Services", "Rooms", a footer's
    "Opening hours"), in the page's order, at most ``limit``: pages no role
    claimed (``taken``), not the home page or a variant of it with a query,
    not files. A small business states its details where it likes: the
    only address on a "Find us on Facebook" news page, a second e-mail on
    its "Events" page, each lawyer's line on the profiles page."""
    from scrapy.linkextractors import IGNORED_EXTENSIONS

    site = site_host(home_url)
    seen = {_page_key(home_url), *(_page_key(url) for url in taken)}
    out: list[str] = []
    for link in links:
        if len(out) >= limit:
            break
        try:
            if site_host(link.url) != site or _has_query(link.url) or is_home_path(link.url):
                continue
        except ValueError:
            continue
        if len(link.text.split()) > _MENU_WORDS:
            continue  # "Warum Sauerteig? Ein Blick in unsere Backstube…": a post's title, not a menu's item
        last = (_segments(link.url) or [""])[-1]
        if "." in last and last.rsplit(".", 1)[1].lower() in IGNORED_EXTENSIONS:
            continue
        key = _page_key(link.url)
        if key not in seen:
            seen.add(key)
            out.append(link.url)
    return out
