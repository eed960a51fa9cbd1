"""Words a question is full of and no passage is found by: question words,
fillers and "the company" itself (English first, then the commonest German,
French, Spanish and Dutch ones, then Italian, Portuguese, the Nordic
languages', Greek, Turkish, Czech, Slovak, Polish, Croatian and Slovenian
question words and articles). Keyword search (``storage.chunks``) and the
extractive answers' term matching (``insights.text``) drop the same words."""

ENGLISH_STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself
yourselves tell know please give get got find does anything something someone us much many may might
shall must one ones way ways s t company companies business businesses firm
""".split())
STOP_WORDS = ENGLISH_STOP_WORDS | frozenset("""
der die das den dem des ein eine einer eines und oder ist sind war wie was wer wo wann warum welche
welcher welches ich du er sie es wir ihr mit von zu im in an auf für bei aus nach über unter
le la les un une des et ou est sont que qui quoi où quand comment pourquoi quel quelle de du au aux en
el los las y o es son qué quién dónde cuándo cómo por para con
firma unternehmen gibt hat haben kann können bietet biete man mir uns euch unser unsere unseren unserer
unserem ihre ihren ihrer sein seine nicht auch noch nur sehr
entreprise société il elle ils nous vous avez a propose proposez nos notre vos votre leur leurs pas
empresa ofrece tiene hay nuestro nuestra nuestros nuestras su sus
het een van
wat wie waar wanneer waarom hoe welke welk de en op te voor met bij je jouw uw ze zij hij wij ons onze hun dat
dit deze er heeft hebben biedt bedrijf
according laut selon según segun secondo segundo volgens enligt ifølge ifolge
chi cosa dove quando come perché perche quale quali quanto quanta quanti il lo gli di da che è sono ha hanno
azienda offre vostro vostra nostro nostra
qual quais quem onde quanto quanta o os as um uma do da dos das em no na é são tem empresa oferece
hvad hva hvem hvor hvornår hvornar når nar hvordan hvilke hvilken hvilket er det den et og på pa til med har
vad vem var när hur vilken vilka vilket är och
ποιος ποια ποιο ποιοι ποιες ποιον ποιου πού πότε πώς είναι ήταν ο η το οι τα του της των τον την τη στο στη
στην στον στα στις με σε για από και ή να θα εταιρεία
hangi ne nedir nelerdir nerede kim kimdir kaç kaçta mı mi mu mü ve ile bir bu için firma şirket
co jak jaký jaká jaké jakou kdo kde kdy kolik který která které kterou jsou se si ve ze
ako aký aká aké kto čo kde kedy koľko ktorý ktorá ktoré sú
jaki jaka jakie gdzie kiedy ile który która które się jest czy
kako koji koja koje tko gdje gdje kada koliko su li kateri katera katero kdo kaj kje kdaj
""".split())


def reads_english(text: str) -> bool:
    """Whether a question is written in English: two of its words are
    English function words that no other language's list holds."""
    words = text.lower().split()
    return sum(1 for w in words if w.strip("?!.,;:'\"") in _ONLY_ENGLISH) >= 2


_ONLY_ENGLISH = ENGLISH_STOP_WORDS - (STOP_WORDS - ENGLISH_STOP_WORDS)
