"""Postal addresses as each country writes them, in the layouts sites put
them in: one footer line between other items, the street over the postcode
and town in a contact block, an <address> element, and each part in an
element of its own. The addresses are made up, written to each country's
postal format (Google's address metadata, the national posts' own
examples); the layouts are the ones the extraction corpus shows. A probe of
layouts country by country, not of one site: what a country's sites write
must be read on any of them."""

from __future__ import annotations

import re

import pytest

from scrapejet.extract.contacts import extract_contacts

ADDRESSES = [
    # country, domain, language, street, postcode, town, the address on one line, the country's name
    ("GB","co.uk","en","12 High Street","TN24 8TD","Ashford","12 High Street, Ashford, Kent TN24 8TD","United Kingdom"),
    ("GB","co.uk","en","Unit 3, Mill Lane Industrial Estate","LE3 5HJ","Leicester","Unit 3, Mill Lane Industrial Estate, Leicester, LE3 5HJ","UK"),
    ("DE","de","de","Hauptstraße 12","80331","München","Hauptstraße 12, 80331 München","Deutschland"),
    ("DE","de","de","Am Markt 3a","49074","Osnabrück","Am Markt 3a · 49074 Osnabrück","Deutschland"),
    ("FR","fr","fr","12 rue de la République","69002","Lyon","12 rue de la République, 69002 Lyon","France"),
    ("FR","fr","fr","ZA Les Prés, 4 allée des Artisans","35510","Cesson-Sévigné","ZA Les Prés, 4 allée des Artisans - 35510 Cesson-Sévigné","France"),
    ("ES","es","es","Calle Mayor, 12","28013","Madrid","Calle Mayor, 12, 28013 Madrid","España"),
    ("ES","es","es","C/ Sant Pere 4, bajo","08003","Barcelona","C/ Sant Pere 4, bajo - 08003 Barcelona (Barcelona)","España"),
    ("IT","it","it","Via Roma 12","20121","Milano","Via Roma 12, 20121 Milano (MI)","Italia"),
    ("IT","it","it","Piazza Garibaldi, 5","50123","Firenze","Piazza Garibaldi, 5 - 50123 Firenze FI","Italia"),
    ("US","com","en","123 Main St","62701","Springfield","123 Main St, Springfield, IL 62701","USA"),
    ("US","com","en","4500 W Olive Ave Suite 200","91505","Burbank","4500 W Olive Ave Suite 200, Burbank, CA 91505","United States"),
    ("NL","nl","nl","Kerkstraat 12","1017 GL","Amsterdam","Kerkstraat 12, 1017 GL Amsterdam","Nederland"),
    ("NL","nl","nl","Dorpsstraat 4","5261 AB","Vught","Dorpsstraat 4 | 5261 AB | Vught","Nederland"),
    ("CZ","cz","cs","Náměstí Míru 12","120 00","Praha 2","Náměstí Míru 12, 120 00 Praha 2","Česká republika"),
    ("CZ","cz","cs","Husova 5","602 00","Brno","Husova 5, 602 00 Brno","Česká republika"),
    ("SE","se","sv","Storgatan 12","111 22","Stockholm","Storgatan 12, 111 22 Stockholm","Sverige"),
    ("SE","se","sv","Industrivägen 7","432 32","Varberg","Industrivägen 7, 432 32 Varberg","Sverige"),
    ("FI","fi","fi","Kauppakatu 12","40100","Jyväskylä","Kauppakatu 12, 40100 Jyväskylä","Suomi"),
    ("FI","fi","fi","Teollisuustie 4 B","90620","Oulu","Teollisuustie 4 B, 90620 Oulu","Finland"),
    ("NO","no","no","Storgata 12","0155","Oslo","Storgata 12, 0155 Oslo","Norge"),
    ("NO","no","nb","Sjøgata 3","8006","Bodø","Sjøgata 3, 8006 Bodø","Norge"),
    ("GR","gr","el","Ερμού 12","105 63","Αθήνα","Ερμού 12, 105 63 Αθήνα","Ελλάδα"),
    ("GR","gr","el","Λεωφόρος Νίκης 20","546 22","Θεσσαλονίκη","Λεωφόρος Νίκης 20, Θεσσαλονίκη 546 22","Ελλάδα"),
    ("NZ","co.nz","en","12 Queen Street","1010","Auckland","12 Queen Street, Auckland Central, Auckland 1010","New Zealand"),
    ("NZ","co.nz","en","45 Tay Street","9810","Invercargill","45 Tay Street, Invercargill 9810","New Zealand"),
    ("PL","pl","pl","ul. Długa 12","00-238","Warszawa","ul. Długa 12, 00-238 Warszawa","Polska"),
    ("PL","pl","pl","ul. Piotrkowska 100/3","90-004","Łódź","ul. Piotrkowska 100/3, 90-004 Łódź","Polska"),
    ("RO","ro","ro","Strada Mihai Eminescu 12","010512","București","Strada Mihai Eminescu 12, 010512 București","România"),
    ("RO","ro","ro","Str. Republicii nr. 12","500030","Brașov","Str. Republicii nr. 12, Brașov 500030","România"),
    ("AU","com.au","en","12 George St","2000","Sydney","12 George St, Sydney NSW 2000","Australia"),
    ("AU","com.au","en","3/45 Smith Road","4152","Camp Hill","3/45 Smith Road, Camp Hill QLD 4152","Australia"),
    ("HU","hu","hu","Váci utca 12.","1052","Budapest","1052 Budapest, Váci utca 12.","Magyarország"),
    ("HU","hu","hu","Kossuth Lajos u. 5.","7100","Szekszárd","7100 Szekszárd, Kossuth Lajos u. 5.","Magyarország"),
    ("CA","ca","en","123 Main St","M5V 2T6","Toronto","123 Main St, Toronto, ON M5V 2T6","Canada"),
    ("CA","ca","fr","123, rue Saint-Paul","H2Y 1H2","Montréal","123, rue Saint-Paul, Montréal (Québec) H2Y 1H2","Canada"),
    ("DK","dk","da","Østergade 12","1100","København K","Østergade 12, 1100 København K","Danmark"),
    ("DK","dk","da","Vestergade 4","8000","Aarhus C","Vestergade 4, 8000 Aarhus C","Danmark"),
    ("BE","be","fr","Rue Neuve 12","1000","Bruxelles","Rue Neuve 12, 1000 Bruxelles","Belgique"),
    ("BE","be","nl","Kerkstraat 12","9000","Gent","Kerkstraat 12, 9000 Gent","België"),
    ("HR","hr","hr","Ilica 12","10000","Zagreb","Ilica 12, 10000 Zagreb","Hrvatska"),
    ("HR","hr","hr","Obala kneza Branimira 5","23000","Zadar","Obala kneza Branimira 5, 23000 Zadar","Hrvatska"),
    ("AT","at","de","Mariahilfer Straße 12","1070","Wien","Mariahilfer Straße 12, 1070 Wien","Österreich"),
    ("AT","at","de","Hauptplatz 3","4020","Linz","Hauptplatz 3, A-4020 Linz","Österreich"),
    ("SK","sk","sk","Hlavná 12","040 01","Košice","Hlavná 12, 040 01 Košice","Slovensko"),
    ("SK","sk","sk","Mlynská 5","811 09","Bratislava","Mlynská 5, 811 09 Bratislava","Slovensko"),
    ("CH","ch","de","Bahnhofstrasse 12","8001","Zürich","Bahnhofstrasse 12, 8001 Zürich","Schweiz"),
    ("CH","ch","fr","Rue du Rhône 12","1204","Genève","Rue du Rhône 12, CH-1204 Genève","Suisse"),
    ("PT","pt","pt","Rua Augusta 12","1100-053","Lisboa","Rua Augusta 12, 1100-053 Lisboa","Portugal"),
    ("PT","pt","pt","Avenida da Boavista 1200","4100-130","Porto","Avenida da Boavista 1200, 4100-130 Porto","Portugal"),
    ("BR","com.br","pt","Rua Augusta, 123","01305-000","São Paulo","Rua Augusta, 123 - Consolação, São Paulo - SP, 01305-000","Brasil"),
    ("BR","com.br","pt","Av. Getúlio Vargas, 500","30112-020","Belo Horizonte","Av. Getúlio Vargas, 500 - Funcionários, Belo Horizonte - MG, CEP 30112-020","Brasil"),
    ("LV","lv","lv","Brīvības iela 12","LV-1010","Rīga","Brīvības iela 12, Rīga, LV-1010","Latvija"),
    ("LV","lv","lv","Rīgas iela 5","LV-3601","Ventspils","Rīgas iela 5, Ventspils, LV-3601","Latvija"),
    ("JP","jp","ja","梅田1-2-3","530-0001","大阪市北区","〒530-0001 大阪府大阪市北区梅田1-2-3","日本"),
    ("TR","com.tr","tr","Atatürk Cad. No:12","34000","İstanbul","Atatürk Cad. No:12, 34000 Fatih/İstanbul","Türkiye"),
    ("TR","com.tr","tr","Kızılay Mah. Gazi Mustafa Kemal Blv. No: 5","06420","Ankara","Kızılay Mah. Gazi Mustafa Kemal Blv. No: 5, 06420 Çankaya/Ankara","Türkiye"),
    ("SI","si","sl","Slovenska cesta 12","1000","Ljubljana","Slovenska cesta 12, 1000 Ljubljana","Slovenija"),
    ("AR","com.ar","es","Av. Corrientes 1234","C1043","Buenos Aires","Av. Corrientes 1234, C1043 Buenos Aires","Argentina"),
    ("AR","com.ar","es","Av. Colón 123","X5000","Córdoba","Av. Colón 123, X5000 Córdoba","Argentina"),
    ("IE","ie","en","12 Main Street","A91 NN24","Dundalk","12 Main Street, Dundalk, Co. Louth, A91 NN24","Ireland"),
    ("ID","co.id","id","Jl. Sudirman No. 12","10220","Jakarta Pusat","Jl. Sudirman No. 12, Jakarta Pusat 10220","Indonesia"),
    ("LT","lt","lt","Gedimino pr. 12","LT-01103","Vilnius","Gedimino pr. 12, LT-01103 Vilnius","Lietuva"),
    ("PE","pe","es","Av. Larco 123","15074","Miraflores","Av. Larco 123, Miraflores 15074, Lima","Perú"),
    ("EE","ee","et","Viru 12","10140","Tallinn","Viru 12, 10140 Tallinn","Eesti"),
    ("BG","bg","bg","ул. Витоша 12","1000","София","ул. Витоша 12, 1000 София","България"),
    ("BG","bg","bg","бул. България 12","4000","Пловдив","бул. България 12, гр. Пловдив 4000","България"),
    ("MX","com.mx","es","Av. Reforma 123","06600","Ciudad de México","Av. Reforma 123, Col. Juárez, 06600 Ciudad de México, CDMX","México"),
    ("UA","ua","uk","вул. Хрещатик, 12","01001","Київ","вул. Хрещатик, 12, м. Київ, 01001","Україна"),
    ("ZA","co.za","en","12 Long Street","8001","Cape Town","12 Long Street, Cape Town, 8001","South Africa"),
    ("MY","com.my","en","12, Jalan Bukit Bintang","55100","Kuala Lumpur","12, Jalan Bukit Bintang, 55100 Kuala Lumpur","Malaysia"),
    ("MY","com.my","ms","No. 5, Jalan Sultan Idris Shah","30000","Ipoh","No. 5, Jalan Sultan Idris Shah, 30000 Ipoh, Perak","Malaysia"),
    ("IS","is","is","Laugavegur 12","101","Reykjavík","Laugavegur 12, 101 Reykjavík","Ísland"),
    ("CO","com.co","es","Carrera 7 # 12-34","110111","Bogotá","Carrera 7 # 12-34, Bogotá 110111","Colombia"),
    ("IL","co.il","he","רחוב הרצל 12","6578401","תל אביב","רחוב הרצל 12, תל אביב 6578401","ישראל"),
    ("CY","com.cy","en","12 Makarios Avenue","1065","Nicosia","12 Makarios Avenue, 1065 Nicosia","Cyprus"),
    ("IN","in","en","12 MG Road","560001","Bengaluru","12 MG Road, Bengaluru, Karnataka 560001","India"),
    ("RS","rs","sr","Knez Mihailova 12","11000","Beograd","Knez Mihailova 12, 11000 Beograd","Srbija"),
    ("LU","lu","fr","12 rue de la Gare","1611","Luxembourg","12 rue de la Gare, L-1611 Luxembourg","Luxembourg"),
    ("UY","com.uy","es","Av. 18 de Julio 1234","11100","Montevideo","Av. 18 de Julio 1234, 11100 Montevideo","Uruguay"),
]

_CODE_FIRST_LINE = re.compile(r"^\d")


def _layouts(street: str, one_line: str, country_name: str, tld: str) -> dict[str, str]:
    rest = one_line[len(street):].lstrip(" ,·|-") if one_line.startswith(street) else None
    block = [street, rest] if rest is not None else [one_line]
    layouts = {
        "footer": f"<footer><p>Firma Nova · {one_line} · info@firmanova.{tld}</p></footer>",
        "block": "<main><h2>Contact</h2><p>Firma Nova<br>" + "<br>".join([*block, country_name]) + "</p></main>",
        "address": f"<main><p>Find us:</p><address>{one_line}, {country_name}</address></main>",
        # (the phone after a dash: "… Θεσσαλονίκη 546 22 - Tél : …")
        "phone-after": f"<footer><p>Address: {one_line} - Tel: 01 23 45 67 89</p></footer>",
        "heading": f"<main><h3>Firma Nova</h3><p>{one_line}</p></main>",
    }
    parts = [part.strip() for part in re.split(r",|·|\|", one_line)]
    if len(parts) > 2 and parts[-1] and not _CODE_FIRST_LINE.match(one_line) and _SPLIT_READABLE.get(tld, True):
        # each part its own element: "12 Long Street" / "Cape Town" / "8001"
        layouts["divs"] = "<main><div class=contact>" + "".join(f"<div>{part}</div>" for part in parts) + "</div></main>"
    return layouts


# (parts that, split at every comma, are no longer an address: "5 - 50123 Firenze FI" under "Piazza Garibaldi")
_SPLIT_READABLE = {"it": False, "es": False, "ua": False}


def _cases():
    for country, tld, language, street, postcode, town, one_line, country_name in ADDRESSES:
        for layout, body in _layouts(street, one_line, country_name, tld).items():
            yield pytest.param(country, tld, language, postcode, body, id=f"{country}-{postcode}-{layout}")


@pytest.mark.parametrize("role", ["contact", None])
@pytest.mark.parametrize("country, tld, language, postcode, body", list(_cases()))
def test_address_read_in_every_layout(country, tld, language, postcode, body, role):
    html = (f"<html lang={language}><head><title>Firma Nova</title></head><body>"
            f"<nav><a href=/>Home</a></nav>{body}</body></html>")
    contacts = extract_contacts(html, f"https://www.firmanova.{tld}/kontakt", role=role)
    codes = {(a.get("postal_code") or "").replace(" ", "").upper() for a in contacts["addresses"]}
    assert postcode.replace(" ", "").upper() in codes, contacts["addresses"]


# More of each country's ways, on a contact page's line of its own: a PO box,
# a floor and door, a road's kilometre, capitals, no comma, a district after
# a slash, the code in brackets, Cyrillic towns after their word.
LINES = [
    ('FR', '12, avenue Jean Jaurès – 75019 PARIS', '75019'),
    ('FR', 'ZI du Bois Joly, 85500 LES HERBIERS', '85500'),
    ('FR', "1 place de l'Église, 67000 Strasbourg Cedex", '67000'),
    ('FR', 'BP 12 - 33000 Bordeaux', '33000'),
    ('DE', 'Hauptstr. 12 · D-80331 München', '80331'),
    ('DE', 'Gewerbegebiet Nord, Industriestr. 5-7, 49074 Osnabrück', '49074'),
    ('DE', 'Am Hafen 1 | 24937 Flensburg', '24937'),
    ('DE', 'Hauptstraße 12 80331 München', '80331'),
    ('IT', 'Via Roma, 12 – 20121 – Milano (MI)', '20121'),
    ('IT', 'Via G. Verdi 8/A - 37121 Verona', '37121'),
    ('IT', 'Loc. Pian di Sco 12, 52026 Castelfranco Piandiscò (AR)', '52026'),
    ('IT', 'Via Nazionale 5 - 38037 Predazzo - TN', '38037'),
    ('ES', 'Avda. de la Constitución, 5 - 41004 Sevilla', '41004'),
    ('ES', 'Pol. Ind. El Pla, Nave 12, 46970 Alaquàs (Valencia)', '46970'),
    ('ES', 'Plaza Mayor s/n, 37002 Salamanca', '37002'),
    ('ES', 'C/ Real, 3 - 1º B, 28001 Madrid', '28001'),
    ('NL', 'Kerkstraat 12 1017GL Amsterdam', '1017GL'),
    ('NL', 'Postbus 123, 1000 AB Amsterdam', '1000AB'),
    ('GB', 'Flat 2, 10 Church Road, London SW19 5DA', 'SW195DA'),
    ('GB', 'The Old Barn, Mill Lane, Great Easton, Essex, CM6 2DN', 'CM62DN'),
    ('GB', 'Unit 5 Brunel Way, Stroudwater Business Park, Stonehouse GL10 3SX', 'GL103SX'),
    ('US', '1200 N. Federal Hwy, Suite 200, Boca Raton, FL 33432', '33432'),
    ('US', 'PO Box 123, Austin, TX 78701', '78701'),
    ('US', '500 Main Street Suite 3 Anytown, NY 12345', '12345'),
    ('PT', 'Rua da Liberdade nº 45, 4700-123 Braga', '4700-123'),
    ('PT', 'Estrada Nacional 125, Km 5, 8135-000 Almancil', '8135-000'),
    ('PL', 'ul. Kwiatowa 5 lok. 3, 60-001 Poznań', '60-001'),
    ('PL', 'Kwiatowa 5, 60-001 Poznań', '60-001'),
    ('CZ', 'Masarykova 123/45, 602 00 Brno', '60200'),
    ('CZ', 'Náměstí 1, 397 01 Písek', '39701'),
    ('SE', 'Box 123, 111 22 Stockholm', '11122'),
    ('SE', 'Storgatan 5A, 411 38 GÖTEBORG', '41138'),
    ('DK', 'Nørregade 5, st. tv., 1165 København K', '1165'),
    ('NO', 'Postboks 12, 0101 Oslo', '0101'),
    ('FI', 'PL 123, 00101 Helsinki', '00101'),
    ('FI', 'Hämeenkatu 10 A 5, 33100 TAMPERE', '33100'),
    ('HR', 'Ulica kralja Zvonimira 5, 21000 Split', '21000'),
    ('HR', 'Trg bana Jelačića 1, HR-10000 Zagreb', '10000'),
    ('RO', 'Str. Avram Iancu 5, Cluj-Napoca 400000', '400000'),
    ('RO', 'Strada Avram Iancu nr. 5, 400000 Cluj-Napoca, jud. Cluj', '400000'),
    ('HU', 'H-1052 Budapest, Váci u. 12.', '1052'),
    ('GR', 'Ερμού 12, Αθήνα, 10563', '10563'),
    ('GR', 'Ermou 12, 105 63 Athens', '10563'),
    ('SI', 'Trubarjeva cesta 5, SI-1000 Ljubljana', '1000'),
    ('SK', 'Obchodná 5, 811 06 Bratislava - Staré Mesto', '81106'),
    ('LT', 'Vilniaus g. 12, 01402 Vilnius', '01402'),
    ('LT', 'Laisvės al. 5, LT-44239 Kaunas', 'LT-44239'),
    ('EE', 'Pärnu mnt 12, 10148 Tallinn', '10148'),
    ('EE', 'Rüütli 5, Tartu 51007', '51007'),
    ('LV', 'Rīgas iela 5, Ventspils, LV-3601', 'LV-3601'),
    ('BE', 'Chaussée de Louvain 12, B-1030 Schaerbeek', '1030'),
    ('BE', 'Grote Markt 1 - 2000 Antwerpen', '2000'),
    ('CH', 'Dorfstrasse 5, CH-3812 Wilderswil', '3812'),
    ('AT', 'Hauptstraße 12/3/4, 5020 Salzburg', '5020'),
    ('AU', 'Shop 4, 12-14 Beach Rd, Bondi NSW 2026', '2026'),
    ('AU', '12 George St Sydney NSW 2000', '2000'),
    ('NZ', '12 Queen Street, Auckland 1010, New Zealand', '1010'),
    ('CA', '123 Main St W, Hamilton ON L8P 1H5', 'L8P1H5'),
    ('IE', 'Main Street, Ballina, Co. Mayo, F26 X8K2', 'F26X8K2'),
    ('IE', '12 Main St, Dublin 2, D02 XY12', 'D02XY12'),
    ('BR', 'R. Sete de Setembro, 100 - Centro, Rio de Janeiro - RJ, 20050-000', '20050-000'),
    ('BR', 'Rua XV de Novembro, 500, Curitiba/PR - CEP 80020-310', '80020-310'),
    ('AR', 'Av. Santa Fe 1234, CABA (C1059ABT)', 'C1059ABT'),
    ('AR', 'San Martín 123, (5500) Mendoza', '5500'),
    ('MX', 'Calle 5 de Mayo 12, Centro, 68000 Oaxaca, Oax.', '68000'),
    ('MX', 'Av. Juárez 100, Col. Centro, C.P. 06000, CDMX', '06000'),
    ('PE', 'Av. Javier Prado Este 123, San Isidro 15036', '15036'),
    ('ID', 'Jl. Gatot Subroto Kav. 12, Jakarta Selatan 12930', '12930'),
    ('MY', 'Lot 5, Jalan Perusahaan, 34600 Kamunting, Perak', '34600'),
    ('JP', '〒150-0001 東京都渋谷区神宮前1-2-3', '150-0001'),
    ('JP', '〒060-0001 北海道札幌市中央区北1条西2丁目', '060-0001'),
    ('IS', 'Aðalstræti 5, 600 Akureyri', '600'),
    ('CY', 'Ledras Street 12, 1011 Nicosia', '1011'),
    ('MT', '12, Triq il-Kbira, Mosta MST 1234', 'MST1234'),
    ('ZA', '12 Main Road, Claremont, Cape Town, 7708', '7708'),
    ('IN', 'Plot No. 5, Sector 18, Gurugram, Haryana 122015', '122015'),
    ('IN', 'No. 12, 2nd Cross, Indiranagar, Bengaluru - 560038', '560038'),
    ('UA', '01001, м. Київ, вул. Хрещатик, 12', '01001'),
    ('RS', 'Bulevar oslobođenja 12, 21000 Novi Sad', '21000'),
    ('MK', 'ул. Македонија 12, 1000 Скопје', '1000'),
    ('BG', 'гр. София 1000, ул. Витоша 12', '1000'),
    ('AL', 'Rruga Myslym Shyri 12, Tiranë 1001', '1001'),
]
_SITE = {country: (tld, language) for country, tld, language, *_ in ADDRESSES} | {
    "MT": ("com.mt", "en"), "RS": ("rs", "sr"), "MK": ("mk", "mk"), "AL": ("al", "sq")}


@pytest.mark.parametrize("country, line, postcode", LINES)
def test_an_address_line_as_its_country_writes_it(country, line, postcode):
    tld, language = _SITE[country]
    html = f"<html lang={language}><body><main><h1>Contact</h1><p>{line}</p></main></body></html>"
    found = extract_contacts(html, f"https://www.firmanova.{tld}/contact", role="contact")["addresses"]
    assert postcode.replace(" ", "").upper() in {(a.get("postal_code") or "").replace(" ", "").upper() for a in found}, found


def test_a_name_and_number_after_a_district_is_no_street_where_streets_end_in_their_type():
    # a golf simulator's name under its district, above the address it is at;
    # a Czech branch's town and street are written the same way
    page = ("<main><div>Kalajärvi — Trackman 4</div><div>Alaniementie 2, 02970 Espoo</div>"
            "<div>Vantaa — Tikkurilantie 4</div></main>")
    found = extract_contacts(f"<html lang=fi><body>{page}</body></html>", "https://www.golf.fi/yhteystiedot", role="contact")
    assert {(a["street"], a["locality"]) for a in found["addresses"]} == {
        ("Alaniementie 2", "Espoo"), ("Tikkurilantie 4", "Vantaa")}
    page = "<main><p>Slavkov u Brna – Lidická 1452</p></main>"
    found = extract_contacts(f"<html lang=cs><body>{page}</body></html>", "https://www.firma.cz/kontakt", role="contact")
    assert [(a["street"], a["locality"]) for a in found["addresses"]] == [("Lidická 1452", "Slavkov u Brna")]
