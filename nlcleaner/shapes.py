"""What a line looks like: a sentence of prose, or a short line that may be a headline or a piece of furniture.

Tests used where a decision depends on them. Whether a line reads as prose: the context passes of `decide` (a
headline list under a related heading, short lines between two removals) and a paragraph-scoped rule (`kinds.line`,
whose heading takes its block only when the block holds no prose). Whether a line a built-in rule matched talks about
furniture instead of being it, or stands where only the document's own text stands (a how-to's step, a numbered
section, a list of examples): every line a rule's matcher finds (`detect.Round.matching`)."""

from __future__ import annotations

import functools

import regex

from . import regex_programs

# a headline under a related-content heading is at most this long
HEADLINE_MAX_CHARS = 100
_PROSE_END = regex_programs.compile(r"[.!?…][\"'”’)\]]*$", 0)


def reads_as_prose(text: str) -> bool:
    """A sentence: it ends as one, with at least four words."""
    return _PROSE_END.search(text) is not None and len(text.split()) >= 4


def headline_looking(rnd, i: int) -> bool:
    """Whether line i of a round may be a headline: short, and not a sentence, or one question alone ("Who won the
    county races?": headlines ask). Judged on the normalised view: Markdown emphasis and link targets aside,
    "**Pin this.**" ends like prose."""
    text = rnd.view(i).norm
    if len(text) > HEADLINE_MAX_CHARS:
        return False
    return not reads_as_prose(text) or _one_question(text)


def heads_a_paragraph(rnd, i: int) -> bool:
    """Whether heading line i stands over a paragraph of the story: the line after it (one blank line at most
    between) is prose of two sentences or more, the last one a statement, that neither speaks to the reader nor
    gives an order ("Want more? Follow me on Pinterest" is a box's). What such a heading introduces is the document's own text, not a list of links (a
    list's item is marked as one, a headline of two parts asks: "Kolejki do specjalistów. Gdzie najdłużej czeka się
    na wizytę?"); a heading written as a list's label ("Related Posts:", "RELATED", "You'll Also Love...") heads
    teasers, which narrate too."""
    heading = rnd.raw(i).strip().strip("*_#> ")
    if heading.endswith((":", "…", "...")) or heading.isupper():  # (a list's label: "Related Posts:", "RELATED")
        return False
    j = nearest_nonblank(rnd, i, 1, 1)
    if j is None or _BULLET.match(rnd.raw(j)) or _LIST_NUMBER.match(rnd.raw(j)):
        return False
    text = rnd.view(j).norm
    folded = text.casefold()
    return (reads_as_prose(text) and text.rstrip().rstrip(CLOSING_MARKS).endswith((".", "!"))
            and _SENTENCE_END.search(text) is not None and _ADDRESSES_READER.search(folded) is None
            and not gives_an_order(folded))


def byline(rnd, i: int) -> bool:
    """Whether line i of a round is a byline (see article_head_line; a date line may also close a dump)."""
    return _BYLINE_ONLY.search(rnd.view(i).norm) is not None


def article_head_line(rnd, i: int) -> bool:
    """Whether line i of a round is the byline or the date line under an article's headline ("By Chinedu Okonkwo",
    "Gippsland Rural / By Tessa Lindqvist", "Posted Tue 2 Jul 2024 at 5:34am", "14th February 2024"): the mark that
    the line above it is the story's own headline, not one of a box's."""
    return _ARTICLE_HEAD.search(rnd.view(i).norm) is not None


_QUESTION_MAX_WORDS = 12


def _one_question(text: str) -> bool:
    """A question of a few words, and no other sentence before it."""
    body = text.rstrip("\"'”’)]")
    return (body.endswith("?") and len(body.split()) <= _QUESTION_MAX_WORDS
            and not any(c in body[:-1] for c in ".!?…"))


class _OnFirstUse:
    """A `regex` pattern compiled when it is first used (from the recorded program, see `regex_programs`): the long
    alternations below took ~14 ms to compile at every start, before any line needed them."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern, self._flags, self._compiled = pattern, flags | regex.V1, None

    def __getattr__(self, name: str):  # (`search`, `match`, ...: the compiled pattern's)
        if name.startswith("_"):  # (a copy or a pickle asks before __init__ has run)
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = regex_programs.compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


# --- prose about furniture ------------------------------------------------------------------------------------------
# An article may quote a prompt and go on to talk about it: "Sign up for our newsletter has become the most common
# sentence on the internet, Reyes joked." The prompt rules match a line's words; these shapes tell such a line from
# the prompt itself, for every built-in rule at once (a user's pattern matches what its author wrote). Judged on the
# normalised view (case-folded, dashes made "-", quotes made "'"), and only on a line of several words.
_TALK_MIN_WORDS = 7

# words for the prompt itself, as an article names it ("the message", "dieser Hinweis", "to zdanie"); not "offer"
# or "appeal": a box speaks of its own offer ("Subscribe now: this offer ends Friday"). Slavic ones are stems.
_NAMES = {
    "en": "message line sentence phrase slogan tagline pitch box banner popup pop-up notice prompt wording words "
          "button label rule motto refrain",
    "de": "hinweis satz slogan spruch meldung botschaft banner aufforderung formulierung werbespruch zeile kasten",
    "fr": "message phrase slogan bandeau mention formule bannière encart avertissement ligne",
    "it": "messaggio frase slogan avviso banner dicitura scritta riga",
    "es": "mensaje frase eslogan aviso banner leyenda rótulo línea",
    "nl": "bericht zin zinnetje slogan melding banner regel",
    "pl": "zdani komunikat hasł baner napis slogan",
    "ru": "сообщени фраз надпис слоган баннер призыв",
    "uk": "повідомлен фраз напис гасл банер заклик",
}
# the determiners that introduce such a name in apposition ("..., the paper's tagline", "– dieser Hinweis")
_NAMERS = {
    "en": r"(?:the|this|that|its|their|such an?|(?:the )?[\w-]+'s)",
    "de": "(?:dieser|diese|dieses|der|die|das|so ein|so eine|solch ein|solch eine|solche|solcher|solches)",
    "fr": "(?:le|la|l'|ce|cette|cet)",
    "it": "(?:il|la|l'|questo|questa|quel|quella)", "es": "(?:el|la|este|esta|ese|esa)",
    "nl": "(?:het|dit|deze|die|dat|zo'n)", "pl": "(?:to|ten|ta|tego|tej|taki|taka|takie|takim|taką)",
    "ru": "(?:это|эта|этот|эту|такое|такая|такой)", "uk": "(?:це|ця|цей|цю|таке|така|такий)",
}
_SLAVIC = ("pl", "ru", "uk")


def _names(lang: str) -> str:
    return f"(?:{'|'.join(_NAMES[lang].split())})" + (r"\w*" if lang in _SLAVIC else r"\b")


_NAMED_PROMPT = _OnFirstUse(
    # after the prompt, in apposition: "Log in, the paper's tagline for existing readers, will return"
    "|".join(rf"[,:;-] {_NAMERS[lang]} ?(?:[\w'-]+ ){{0,2}}{_names(lang)}" for lang in _NAMES)
    # or, in English, as what the prompt was: "... was the message readers met", "...: that has been the rule"
    # (not "is": a box says what it stands for, "Journalism is the first line of defence - please support us")
    + r"|\b(?:was|were|has been|had been|has become|became) (?:the|a|an)(?: [\w'-]+){0,3} "
    + _names("en") + r"(?! from\b)"
    # or by what it asks of readers, in the third person: "each story ends with a short line inviting readers to
    # subscribe" (a box asks "you")
    + r"|\b(?:a|an|the|each|every)(?: [\w'-]+){0,2} " + _names("en")
    + r" (?:inviting|asking|urging|encouraging|telling|reminding|begging|prompting|nudging) (?:readers|visitors"
    r"|users|people|subscribers|viewers|listeners|fans)\b",
)
# a reporting clause that closes the sentence: ", Reyes joked in a recent post.", ", sagen Kritiker", ", обещает
# один из сервисов." Third-person and past forms only: an imperative ("..., read our privacy policy") is a prompt's
_REPORTING = {
    "en": "said says joked jokes quipped wrote writes added adds urged urges asked asks recommended recommends advised "
          "advises suggested suggests promised promises warned warns insisted insists argued "
          "argues complained complains tweeted reads told tells declared declares announced announces replied "
          "replies admitted admits acknowledged acknowledges conceded concedes explained explains recalled recalls",
    "de": "sagt sagen sagte sagten schreibt schrieb empfiehlt empfahl rät riet fordert forderte bittet warnt warnte "
          "mahnt mahnte meint meinte meinen erklärt erklärte scherzt scherzte verspricht versprach heißt_es hieß_es "
          "betont betonte erzählt erzählte",
    "fr": "dit disait écrit écrivait recommande conseille prévient affirme estime explique ironise plaisante promet "
          "promettait souligne assure avertit résume suggère reconnaît reconnaissait raconte racontait ajoute "
          "ajoutait confie confiait précise précisait rappelle rappelait regrette déplore admet admettait",
    "es": "dice decía dijo escribe escribió recomienda aconseja advierte afirma explica bromea bromeó promete prometía "
          "señala asegura resume sugiere reconoce reconoció añade añadió admite admitió",
    "it": "diceva ha_detto scrive scriveva consiglia raccomanda avverte spiega scherza promette prometteva "
          "sottolinea assicura riassume suggerisce ammette ammetteva racconta aggiunge riconosce",
    "nl": "zegt zei zeggen schrijft schreef adviseert adviseerde vraagt vroeg raadt waarschuwt aldus grapt belooft "
          "beloofde suggereert erkent vertelt",
    "pl": "mówi mówią powiedział powiedziała pisze napisał napisała radzi apeluje zachęca ostrzega twierdzi "
          "przekonuje dodaje podkreśla obiecuje żartuje żartował sugeruje",
    "ru": "говорит говорят сказал сказала пишет написал написала обещает обещал советует призывает предупреждает "
          "утверждает объясняет отмечает заявляет шутит пошутил",
    "uk": "каже кажуть сказав пише написав обіцяє обіцяв радить закликає попереджає стверджує пояснює зазначає "
          "заявляє жартує",
    "pt": "diz disse escreve recomenda aconselha brinca",
}
# (the subject may come first, "..., Reyes joked", but no relative pronoun or conjunction: "..., which Jane writes
# every Friday" and "..., der erklärt" describe; and no figure after the verb: "Gift Aid adds 25p to every £1")
_NOT_A_REPORTER = (
    "which who whom whose that where when while if as because and but or so "
    "der die das den dem wie was und oder aber wenn weil "
    "qui que dont où lequel laquelle et mais si quien quienes cual donde y pero che cui chi dove e ma "
    "dat wat waar en maar als quem onde "
    "który która które którzy których co i a ale jeśli gdy "
    "который которая которое которые которых что кто и а но если когда "
    "який яка яке які яких що хто і й але якщо коли"
)
# (case-folded, as the lines they are looked for in: "heißt es" is "heisst es" there)
_VERBS = sorted({w.replace("_", " ").casefold() for words in _REPORTING.values() for w in words.split()})
# a reporting clause may also follow a colon or a dash when it opens with "so": "...: así resume el concejal",
# "... – tak resort zachęca"
_SO = "so thus así ainsi così zo tak так"
_REPORTED = _OnFirstUse(
    # (after a comma, also inside the quotes: '"Sign up ...," Reyes joked'; after a dash: "... - Reyes joked")
    r"(?:,['\"]? |['\"]? - |[:;-] (?:" + "|".join(_SO.split()) + r") )"
    # (English "I" before an English verb: "Follow me on LinkedIn, I said, every Monday"; alone, a case-folded "i"
    # is also Polish "and", no reporter)
    r"(?:(?!(?:" + "|".join(sorted(set(_NOT_A_REPORTER.split()))) + r"|welche\w*)\b)[^\s,]+ "
    r"|i (?=(?:" + "|".join(_REPORTING["en"].split()) + r")\b)){0,4}"
    # (not a figure after the verb, "Gift Aid adds 25p", nor a beat: "..., пишет о культуре" is a bio's "writes
    # about"; the clause runs to the end of its sentence, which may not be the line's)
    r"(?:" + "|".join(_VERBS) + r")\b(?! ?[\d£$€¥₽])(?! (?:about|for|über|für|sur|pour|sobre|para|di|per|over|voor|o|dla"
    # (nor a noun of a list: "a newsletter about scams, recalls and your rights")
    r"|о|об|про|для|and|or|und|oder|et|ou|y|e|en|i|и|і|та)\b)[^.!?]{0,120}(?:[.!?]['\")]*(?: |$)|$)",
)
# but a box speaks of itself in the same shapes, and then says "we" or "our", names its own newsroom, or quotes a
# supporter "since 2016": "..., schreibt unsere Chefredakteurin", "..., pisze redaktor naczelny"
_OWN_VOICE = _OnFirstUse(
    r"\b(?:we|our|us|ours|wir|uns|unser\w*|nous|notre|nos|nosotros|nuestr\w*|noi|nostr\w*|wij|ons|onze|my|nasz\w*"
    r"|nam|nas|мы|нас|нам|наш\w*|ми|nós|noss\w*)\b"
    r"|\b(?:since|seit|depuis|desde|dal|sinds|od|с|з) (?:19|20)\d\d\b",
)
_NEWSROOM = _OnFirstUse(
    r"\b(?:editor\w*|newsroom|redakt\w*|rédact\w*|redacc\w*|redaz\w*|redact\w*|hoofdredact\w*|chefredakt\w*"
    r"|director|directora|direttore|direttrice|directeur|directrice|редакц\w*|редактор\w*|редакці\w*)",
)
# (a newsroom that said something in the past is reported: "..., said the editor of the site on Monday"; a box's
# signature is in the present: "..., writes our editor", "..., pisze redaktor naczelny")
_PAST_SPEECH = _OnFirstUse(
    r"\b(?:said|told|wrote|added|sagte|schrieb|erklärte|a dit|a déclaré|a écrit|dijo|escribió|ha detto|ha scritto|zei"
    r"|schreef|powiedział\w*|napisał\w*|сказал\w*|написал\w*|заявил\w*|сказав|написав|заявив|disse)\b",
)

# or it points at itself and says when it goes away: "Log in - this message will then disappear", "- это
# сообщение больше не появится" (an article says "the box": "..., the box that used to block readers, will
# disappear from politics stories")
_THIS = frozenset("this dieser diese dieses ce cette cet questo questa este esta dit deze to ten ta это эта этот це ця "
                  "цей".split())
_GOES_AWAY = _OnFirstUse(
    r"\b(?:will|would) (?:then )?(?:disappear|go away|close)|\bwon't (?:appear|show)|\bonly once\b"
    r"|\bno longer (?:appear|be shown)|\berscheint nur einmal|\bverschwind\w*|\bnicht mehr angezeigt"
    r"|\bdispara[iî]\w*|\bne s'affichera plus|\bdesaparec\w*|\bno volverá a aparecer|\bscompar\w*"
    r"|\bnon apparirà più|\bverdwijnt|\bniet meer (?:getoond|verschijnen)|\bznik\w*|\bnie pojawi się"
    r"|\bне появится|\bисчезн\w*|\bне з'явиться|\bзникн\w*",
)
_SENTENCE_END = _OnFirstUse(r"[.!?]['\")]*\s")
# a sentence of its own that quotes a prompt after a colon, "the words", "reading" or "the slogan": 'His message was
# simple: "If you can spare a fiver, please donate."', 'The post carried the words "© Anna Kowal. All rights
# reserved."' (a box names its newsletter in quotes without a colon: 'Sign up for our newsletter "Five Things to
# Know Today"')
_QUOTES = '"“”«»„'
_OPENING = '"“«„'
_QUOTE_INTRO = _OnFirstUse(
    r"(?:: |\b(?:words|reading|reads|saying|says|worten|aufschrift|lautet|lautete|mots|mention|palabras|leyenda|parole"
    r"|scritta|woorden|tekst|słowami|słowa|napisem|слова|словами|надписью|написом"
    # (a slogan or a notice named just before it: 'the page carries the slogan "Support us — ..."', 'photographs
    # carrying the notice "© All rights reserved"', 'widnieje hasło „...”')
    r"|slogan|tagline|motto|spruch|devise|lema|eslogan|leus|hasło|hasłem|лозунг|слоган|девиз|гасло|гаслом"
    r"|notice|message|label|warning|hinweis|vermerk|meldung|avertissement|mensaje|aviso|messaggio|avviso|dicitura"
    r"|melding|komunikat|napis|сообщение|уведомление|надпись|повідомлення|напис"
    # (or given as an example of a kind of sentence: 'a statement such as "We may earn a commission ..." must
    # appear before the first link'; not a bare "like": 'more stories like "..." - sign up')
    r"|such as|for example|statement|phrase|sentence|disclaimer|disclosure|wording|boilerplate|satz|formulierung"
    r"|floskel|wie etwa|formule|frase|fórmula|formula|zin|zinnetje|formulering|zoals|zdanie|zdaniem"
    r"|formułka|formułką|фраза|фразой|формулировка|формулой|фразою|формулювання"
    # (or the control it is written on: 'a button "Remind me later"', 'mit einem Knopf „Später erinnern“')
    r"|button|pop-up|popup|knopf|schaltfläche|bouton|botón|pulsante|bottone|knop|przycisk|przyciskiem|кнопка|кнопкой"
    r"|кнопкою|along the lines of|(?:a|the) (?:line|sentence|message|notice) like)[:,]? )$",
    regex.IGNORECASE,
)
# a quote followed by the name of what it quotes: 'then the "Subscribe to continue reading" prompt'
_QUOTE_NAMED = _OnFirstUse(r"\s?(?:" + "|".join(_names(lang) for lang in _NAMES) + ")", regex.IGNORECASE)
# a document's own numbered section heading of one word ("4. Newsletter", "3.2 Cookies", "§ 5 Copyright"), which a
# box never numbers (its numbered lines are steps of a few words: "1. Download the app"); not a date ("12. März") or
# a league ("1. Bundesliga")
# month names (and their stems) in the languages of the packs: a date's, not a heading's word
_MONTHS = (
    r"jan\w*|feb\w*|mär\w*|mar\w*|apr\w*|ma[iy]\w*|mai|jun\w*|jul\w*|aug\w*|sep\w*|o[ck]t\w*|nov\w*|de[cz]\w*"
    r"|juin|juil\w*|août|déc\w*|ene\w*|abr\w*|ago\w*|dic\w*|gen\w*|giu\w*|lug\w*|set\w*|ott\w*|maart|mei|okt\w*|sty\w*"
    r"|lut\w*|kwi\w*|cze\w*|lip\w*|sie\w*|wrz\w*|paź\w*|lis\w*|gru\w*|янв\w*|фев\w*|мар\w*|апр\w*|ма[йя]|июн\w*"
    r"|июл\w*|авг\w*|сен\w*|окт\w*|ноя\w*|дек\w*|січ\w*|лют\w*|бер\w*|кві\w*|тра\w*|чер\w*|лип\w*|сер\w*|вер\w*|жов\w*"
    r"|лис\w*|гру\w*"
)
_SECTION_HEADING = _OnFirstUse(
    r"\s*(?:§\s?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|\d{1,2}(?:\.\d{1,2}){1,3})\s+"
    r"(?!(?i:" + _MONTHS + r"|\w*liga|\w*league|division|divisi[oó]n)\b)[^\s.!?:]+\s*$",
)
_SECTION_HEADING_MAX_CHARS = 40
# a how-to's step heading: "Step 5: Consider a newsletter instead", "Schritt 2 – Newsletter abbestellen" (a box never
# numbers its own steps so)
_STEP_HEADING = _OnFirstUse(
    r"\s*(?i:step|schritt|étape|paso|passo|stap|krok|шаг|крок|etapa|steg) \d{1,2}\s?[:.)–—-]\s*(?:\S.*)?$"
)
_STEP_HEADING_MAX_CHARS = 80
_STEP_PARAGRAPHS = 3  # the paragraphs of a step that stand under its heading
# a short line that is all one quotation, a line of dialogue ('"Related links?"')
_QUOTED_LINE = _OnFirstUse(r"\s*[\"“„«][^\"“”„«»]{1,60}[\"”“»][.!?]?\s*$")
_QUOTED_LINE_MAX_WORDS = 6
# a numbered item of a list ("1. ", "12) "; group 1: its number), up to its text
_LIST_NUMBER = _OnFirstUse(r"\s*(\d{1,2})[.)]\s+(?=\S)")
# a bulleted one ("- ", "* ", "• ")
_BULLET = _OnFirstUse(r"\s*[-*•·–—]\s")
CLOSING_MARKS = "\"'\u201c\u201d\u2019\u00bb)]*_ "  # what may follow a sentence's last mark: quotes, brackets, emphasis
# a quote that is the subject of what follows it: 'If "This material may not be published ..." still means anything'
_QUOTE_SUBJECT = _OnFirstUse(
    # (not after "and": '... su «In viaggio con Fra» ed è stato aggiornato' goes on with the sentence's own subject)
    r",?(?: (?!(?:and|ed|e|y|und|et|en|i|и|і|та|or|oder|ou|o)\b)[\w'-]+)?"
    r" (?:is|was|isn['’]t|wasn['’]t|is not|was not|doesn['’]t|does not|means|meant|must|should|has|had"
    r"|appears|appeared|became|sounds|sounded|remains"
    r"|ist|war|heißt|bedeutet|est|était|signifie|es|era|significa|è|betekent|jest|był|była|было|означает|значит"
    r"|означає)\b",
)
# the clause right after a quote addresses the reader: a box ('Mit einem Klick auf „Jetzt abonnieren“ ist Ihr Zugang
# freigeschaltet'), where an article's clause goes on about the quote ('... still means anything, ...')
_ADDRESSES_READER = _OnFirstUse(
    r"\b(?:you|your|yours|sie|ihr|ihre|ihren|ihrem|ihrer|du|dein\w*|dich|dir|vous|votre|vos|tu|ton|ta|tes|tuo|tua|tuoi"
    r"|usted|jouw|uw|twój|twoja|twoje|wy|ваш\w*|вас|вам|твой|твоя|твоє|твій|ви)\b",
)
_QUOTING_MIN_WORDS = 4  # on each side of the opening quote
# a box's numbered step is one short order ("1. Download the free app from the App Store or Google Play."); a
# how-to's step explains itself: two sentences, or this many words
_STEP_MIN_WORDS = 14
# each shape needs one of its words, found by splitting the line: most lines a rule matches hold none, and a
# pattern is searched only on those that do (a search costs tens of microseconds on a long line)
_NAME_HINTS = frozenset(w for lang, words in _NAMES.items() if lang not in _SLAVIC for w in words.split())
_NAME_STEMS = tuple(w for lang in _SLAVIC for w in _NAMES[lang].split())
# (the stems spelt in ASCII, "komunikat", are looked for in ASCII tokens only when the first letter is one of theirs:
# a startswith over every stem for every token of every matched line cost ~2 % of a run)
_ASCII_STEMS = tuple(w for w in _NAME_STEMS if w.isascii())
_ASCII_STEM_INITIALS = frozenset(w[0] for w in _ASCII_STEMS)
_VERB_HINTS = frozenset(w.split("_")[0].casefold() for words in _REPORTING.values() for w in words.split())
_STRIP = ",.;:!?'\"()[]"
# a byline ("by Name", "Desk / By Name", "von ...") or a date line ("posted ... 2024", "14th february 2024",
# "june 8, 2024"), on the normalised (case-folded) view
_MONTH = r"(?:" + _MONTHS + r")\.?"
# (a byline may carry the writer's role and, after a separator, the reading time or the date: "By Priya Raman, media
# correspondent · 6 min read", "By Marcus Bell | Valley Times | April 22, 2024")
_BYLINE = (r"^(?:[\w' &-]{1,40} / )?(?:by|written by|words by|von|par|por|di|door|przez|автор:?) [\w.'’-]+"
           r"(?: [\w.'’-]+){0,4}(?:, [\w .'’-]{0,39}[\w'’-])?(?: [·|•—–] [^.!?]{1,60})?$")
_BYLINE_ONLY = _OnFirstUse(_BYLINE)
_ARTICLE_HEAD = _OnFirstUse(
    _BYLINE
    + r"|^(?:posted|published|updated|last updated|veröffentlicht|publié|publicado|pubblicato|gepubliceerd)\b.{0,60}\d{4}"
    r"|^(?:\w+,? )?\d{1,2}(?:st|nd|rd|th)?\.? " + _MONTH + r",? \d{4}\b.{0,20}$"
    r"|^(?:\w+,? )?" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b.{0,20}$")
# how many blank lines may stand between two items of a list, or a heading and its paragraph
_STEP_GAP = 2
# a numbered list with this many steps of a sentence each is a how-to's, not a box's (an app box numbers two or
# three short orders)
_HOW_TO_STEPS = 5
_STEP_SENTENCE_MIN_WORDS = 6


def talks_about_furniture(line) -> bool:
    """Whether a line a rule matched is prose about furniture rather than furniture: it quotes a prompt and comments
    on it (names it as a message, a slogan, a box; closes on a reporting clause; quotes it after "the words"), it is
    a numbered step of a how-to that explains itself or an FAQ's question, or, short, a document's numbered section
    heading or a line of dialogue. `line` is a `LineView`."""
    if len(line.raw) > _CACHED_MAX_CHARS:
        return _talks.__wrapped__(line.raw, line.norm)
    return _talks(line.raw, line.norm)


_CACHED_MAX_CHARS = 2000  # (the cache keeps its lines alive for the life of the process: not the long ones)


@functools.lru_cache(maxsize=4096)  # (a line matched by several rules, or met again in a list, is judged once)
def _talks(raw: str, norm: str) -> bool:
    if asks_as_a_reader(raw, norm) or _a_how_to_headline(norm) or _ASKS_ABOUT_A_QUOTE.match(norm) is not None:
        return True
    if norm.count(" ") < _TALK_MIN_WORDS - 1:  # (many matched lines are short: only the short shapes, cheaply)
        return _short_talk(raw)
    tokens = norm.split()
    if len(tokens) < _TALK_MIN_WORDS:
        return False
    step = _LIST_NUMBER.match(raw)  # (a numbered step of instructions: a box does not number itself)
    if step:
        return _explains_itself(raw, norm, step)
    if _quotes_a_prompt(raw):
        return True
    named = reported = False
    for token in tokens:
        token = token.strip(_STRIP)
        if token in _NAME_HINTS or (token.startswith(_NAME_STEMS) if not token.isascii() else
                                    token[:1] in _ASCII_STEM_INITIALS and token.startswith(_ASCII_STEMS)):
            named = True
        elif token in _VERB_HINTS:
            reported = True
    if named:
        m = _NAMED_PROMPT.search(norm)
        if m is not None:
            sentence = _sentence_from(norm, m.start())
            pointing = (sentence[1:].split(None, 1) or [""])[0] in _THIS  # (the word after the punctuation)
            if not _box_speaks(sentence) and not (pointing and _GOES_AWAY.search(sentence)):
                return True
    if reported and _reports_after_a_label(raw):
        reported = False  # ("Also read: Heatwave to continue till June, says IMD": a headline the label links to)
    if reported:
        m = _REPORTED.search(norm)
        return m is not None and not _box_speaks(m.group())
    return False


def _explains_itself(raw: str, norm: str, step) -> bool:
    """A numbered step (`step`: its `_LIST_NUMBER` match) of a how-to: a sentence of at least _STEP_MIN_WORDS
    words, or more than one sentence."""
    return reads_as_prose(norm) and (len(norm.split()) >= _STEP_MIN_WORDS
                                     or _SENTENCE_END.search(raw, step.end()) is not None)


def the_documents_own(rnd, i: int) -> bool:
    """Whether line i of a round, which a built-in rule matched, stands where only the document's own text stands:
    a step of a how-to's list, the first paragraph under a numbered section heading or under a reader's question
    (an FAQ's answer), an item of a list of examples an article's sentence opens, a text the article announces, a
    line of a fenced code block, a table's header row, words the next sentence names as words. Judged on the line's
    neighbours, where `talks_about_furniture` judges the line."""
    return (a_how_tos_step(rnd, i) or under_a_section_heading(rnd, i) or in_a_list_of_examples(rnd, i)
            or answers_a_question(rnd, i) or shown_after_an_intro(rnd, i) or rnd.in_code_block(i)
            or a_tables_header(rnd, i) or named_by_the_next_line(rnd, i))


# an FAQ's question, which a reader asks in the first person ("How do I subscribe to the newsletter?", "¿Mi donativo
# desgrava?"); a box asks "you" ("Want our newsletter?"), and "Why am I seeing this ad?" is an ad label's link
_FAQ_MAX_CHARS = 150
# a question about a phrase it quotes ("What does 'This material may not be published ...' actually mean?", "Warum
# steht „Alle Rechte vorbehalten“ unter jedem Foto?"): a headline or an FAQ's, never a box's words, which do not
# quote themselves (single quotes count here: the quoted phrase is long, an apostrophe's word is not)
_ASKS_ABOUT_A_QUOTE = _OnFirstUse(
    r"^\W{0,3}(?:what|why|how|is|are|does|do|can|should|was|were|wie|warum|was|darf|qu'est-ce|que|pourquoi|comment"
    r"|peut-on|qué|por qué|cómo|puede|cosa|perché|come|wat|waarom|hoe|mag|co|dlaczego|czy|что|почему|как|що|чому|як)\b"
    r"[^?]*?['‘\"“«„][^'’\"”»“]{12,}['’\"”»“][^?]*\?\W*$"
)
_FAQ_QUESTION = _OnFirstUse(
    # (on the raw line: "I" is the capital letter alone, Italian "i" is "the"; Dutch "je" and Spanish "mes" are not
    # first person)
    r"^(?i:(?![¿\s]*(?:why|por qué|pourquoi|warum|perché|waarom|dlaczego|почему|чому)\b))[^?]*\b(?:I|I'm|I’m|(?i:my|me"
    r"|mon|puis-je|dois-je|ich|mein\w*|mi|mis|puedo|debo|yo|posso|devo|mio|mia|miei|mie|ik|mijn|mogę|muszę|mój|moja"
    r"|moje|я|мой|моя|моё|мое|мне|могу|мій|моє|мені|можу|eu|meu|minha))\b[^?]*\?['\"’”)\s]*$",
)


# a label of two words or more before a colon ("Read more:", "Czytaj więcej:") leads in to another article's headline,
# which may ask in the first person or look as if it did (Polish "ich" is "their"); an FAQ's "Q:" is one word
_LABEL_LEAD = _OnFirstUse(r"^\W{0,3}\w+(?:[ -]\w+){1,3}\s?:[*_]{0,2}\s")


def _reports_after_a_label(raw: str) -> bool:
    """Whether the line opens with a label of two words or more and a colon that reports nobody's words ("Also
    read:", not "The minister said:"): what comes after it is another article's headline."""
    lead = _LABEL_LEAD.match(raw)
    return lead is not None and not any(w.strip(_STRIP).casefold() in _VERB_HINTS for w in lead.group().split())


def asks_as_a_reader(raw: str, norm: str) -> bool:
    """Whether a line is an FAQ's question (see _FAQ_QUESTION), not a labelled link to one (see _LABEL_LEAD)."""
    return (len(norm) <= _FAQ_MAX_CHARS and norm.rstrip().endswith("?") and _FAQ_QUESTION.match(raw) is not None
            and _LABEL_LEAD.match(raw) is None)


def answers_a_question(rnd, i: int) -> bool:
    """Whether line i of a round is the paragraph right after an FAQ's question, blank lines aside: its answer (in
    sentences: a forum's "Like · Quote · Reply" under a post that asks is no answer)."""
    j = _next_nonblank(rnd, i, -1)
    if j is None or not rnd.raw(j).rstrip().endswith("?"):  # (the cheap test first: most lines above are no question)
        return False
    return reads_as_prose(rnd.view(i).norm) and asks_as_a_reader(rnd.raw(j), rnd.view(j).norm)


def nearest_nonblank(rnd, i: int, direction: int, max_gap: int | None = None) -> int | None:
    """The nearest line before (direction -1) or after (+1) line i that is not blank, with at most max_gap blank
    lines between (any number when None); None when there is none."""
    j = i + direction
    while 0 <= j < rnd.n and rnd.blank(j) and (max_gap is None or abs(j - i) <= max_gap):
        j += direction
    return j if 0 <= j < rnd.n and not rnd.blank(j) else None


def _next_nonblank(rnd, i: int, direction: int) -> int | None:
    """nearest_nonblank within a list's gap (_STEP_GAP blank lines)."""
    return nearest_nonblank(rnd, i, direction, _STEP_GAP)


def a_how_tos_step(rnd, i: int) -> bool:
    """Whether line i of a round is a numbered step of a how-to's list: a step of the same list (numbered on from
    it, blank lines aside) explains itself ("1. Download the app from the App Store." above "2. Open it and tap
    Sign in. You can use your e-mail address."), or _HOW_TO_STEPS steps of the list are sentences of
    _STEP_SENTENCE_MIN_WORDS words or more. A box's steps are a few short orders; a how-to's short steps are the
    article's too."""
    raw = rnd.raw(i)
    step = _LIST_NUMBER.match(raw) if raw.lstrip()[:1].isdigit() else None
    if step is None:
        return False
    sentences = 1
    for direction in (-1, 1):
        j, number = i, int(step.group(1))
        while (k := _next_nonblank(rnd, j, direction)) is not None:
            near = _LIST_NUMBER.match(rnd.raw(k))
            if near is None or int(near.group(1)) != number + direction:
                break
            norm = rnd.view(k).norm
            words = len(norm.split())
            if words >= _TALK_MIN_WORDS and _explains_itself(rnd.raw(k), norm, near):
                return True
            sentences += words >= _STEP_SENTENCE_MIN_WORDS and reads_as_prose(norm)
            if sentences >= _HOW_TO_STEPS:
                return True
            j, number = k, number + direction
    return False


def under_a_section_heading(rnd, i: int) -> bool:
    """Whether line i of a round is the first paragraph under a document's own numbered section heading ("3. Cookies"
    over "We use cookies that are strictly necessary for the shop to work ..." in a privacy policy), or one of the first
    paragraphs under a how-to's step heading ("Step 5: Filter the rest."): furniture never stands under a numbered
    heading of the document's."""
    j = _next_nonblank(rnd, i, -1)
    if j is None:
        return False
    if _section_heading(rnd.raw(j)):
        return True
    # a how-to's step runs on for a few paragraphs of prose ("Step 5: Filter the rest." over two paragraphs of advice)
    for _ in range(_STEP_PARAGRAPHS - 1):
        if not reads_as_prose(rnd.view(j).norm):
            return False
        j = _next_nonblank(rnd, j, -1)
        if j is None:
            return False
        if _step_heading(rnd.raw(j)):
            return True
    return False


def _section_heading(raw: str) -> bool:
    """Whether a line is a document's own numbered section heading (see _SECTION_HEADING) or a how-to's step
    heading (see _STEP_HEADING)."""
    lead = raw.lstrip()[:1]
    if lead.isdigit() or lead == "§":
        return len(raw) <= _SECTION_HEADING_MAX_CHARS and _SECTION_HEADING.match(raw) is not None
    return _step_heading(raw)


def _step_heading(raw: str) -> bool:
    return len(raw) <= _STEP_HEADING_MAX_CHARS and _STEP_HEADING.match(raw) is not None


# a sentence that opens a list of examples of labels or notices: "Common disclosure labels include:", "Le testate
# usano diciture diverse, tra cui:" (a furniture list opens with a heading: "Related:", "Tags:"). It names what the
# list holds: labels, notices, phrases (the services of 'streaming services, which include:' are no such thing)
_EXAMPLES_INTRO = _OnFirstUse(
    r"\b(?:include|includes|included|including|such as|for example|for instance|e\.g\.|among them|among others"
    r"|darunter|zum beispiel|unter anderem|notamment|par exemple|dont|parmi lesquel(?:le)?s|entre ell[ao]s"
    r"|por ejemplo|incluyen|tra cui|ad esempio|per esempio|tra le quali|tra i quali|zoals|waaronder|bijvoorbeeld"
    r"|m\.in\.|np\.|takie jak|w tym|например|в том числе|такие как|среди них|наприклад|зокрема|такі як|серед них"
    r"|incluindo"
    r"|por exemplo|entre eles|entre elas)\s?:\s*$",
    regex.IGNORECASE,
)
_LABEL_NOUNS = _OnFirstUse(
    r"\b(?:labels?|labell?ing|notices?|phrases?|wordings?|messages?|slogans?|banners?|prompts?|buttons?|disclaimers?"
    r"|disclosures?|taglines?|kennzeichnung\w*|hinweis\w*|formulierung\w*|floskel\w*|mentions?|libellés?|formules?"
    r"|bandeaux|etiquetas?|leyendas?|avisos?|frases|etichett\w*|diciture|dicitura|avvisi|vermelding\w*"
    r"|meldingen|oznacze\w*|napis\w*|komunikat\w*|пометк\w*|маркировк\w*|надпис\w*|позначк\w*|напис\w*)\b",
    regex.IGNORECASE,
)
_EXAMPLES_INTRO_MIN_WORDS = 6
_EXAMPLE_MAX_CHARS = 80
_EXAMPLES_MAX_LINES = 12


def in_a_list_of_examples(rnd, i: int) -> bool:
    """Whether line i of a round is a short item of a list that a sentence of the article opens as examples of
    labels or notices ("Common disclosure labels include:" over "Sponsored", "Paid post", "Advertisement"): the
    article naming furniture, not furniture. The lines from the sentence down to it are short list items."""
    if len(rnd.raw(i)) > _EXAMPLE_MAX_CHARS:
        return False
    for j in range(i - 1, max(-1, i - 1 - 2 * _EXAMPLES_MAX_LINES), -1):
        if rnd.blank(j):
            continue
        raw = rnd.raw(j)
        if raw.rstrip().endswith(":"):
            return (len(raw.split()) >= _EXAMPLES_INTRO_MIN_WORDS and _EXAMPLES_INTRO.search(raw[-40:]) is not None
                    and _LABEL_NOUNS.search(raw) is not None)
        if len(raw) > _EXAMPLE_MAX_CHARS:
            return False
    return False


# a sentence of the article that announces the text it shows next: "The decision quotes the banner text in full:",
# "The lawsuit reproduces one of them as an exhibit:", "ASFI said it will accept the following labels:" (not "He
# said:" alone, after which a page may set an advertisement before the quote goes on)
_SHOWS_INTRO = _OnFirstUse(
    r"\b(?:quotes?|quoted|reproduces?|reproduced|reprints?|reprinted|reads|read as follows|states|stated|as follows"
    r"|the following|in full|verbatim|exhibit|wording|the text|its text|small print|fine print|went like this"
    r"|like this|this one|in (?:its|their) entirety|word for word|said|says|wrote|writes|as an example|for example"
    r"|for instance|lautet|lautete|heißt es|im wortlaut|folgende\w*|wortlaut|comme suit|suivante?s?|texte"
    r"|libellé|peut-on lire|on peut lire|siguientes?|el texto|reza|dice así|seguent[ei]|il testo|recita|si legge"
    r"|volgende|de tekst|luidt|następując\w+|treść|brzmi|czytamy|следующ\w+|текст|гласит|говорится|наступн\w+"
    r"|йдеться|seguintes?|o texto|diz o seguinte)\b[^:]*:[*_]{0,2}\s*$",
)
_SHOWS_INTRO_MIN_WORDS = 6
_ANNOUNCING_MIN_WORDS = 8  # a sentence that announces a list without naming it so
_LIST_ITEM_MAX_WORDS = 4
_SHOWN_MAX_LINES = 3  # the lines the article shows after such a sentence (a notice, a banner and its buttons)


def announces(raw: str, norm: str, a_list: bool = False) -> bool:
    """Whether a line that ends with a colon is a sentence of the article announcing what follows: it names it as
    a quote or an example (_SHOWS_INTRO), or, over a list of short items (`a_list`), it is a sentence of
    _ANNOUNCING_MIN_WORDS words or more that gives no order ("The new front page is organised into five sections:",
    "In print and online they now appear in this order:"; a box's lead-in is short or orders: "More from our
    newsroom:", "Follow our reporters on social media:"; an appeal's heading over its paragraphs heads no list)."""
    words = _word_count(raw)
    if words < _SHOWS_INTRO_MIN_WORDS:
        return False
    if _SHOWS_INTRO.search(norm) is not None:
        return True
    if not a_list:
        return False
    return words >= _ANNOUNCING_MIN_WORDS and not gives_an_order(norm.casefold())


def shown_after_an_intro(rnd, i: int) -> bool:
    """Whether line i of a round is part of a text the article shows after a sentence of its own that announces
    it (see _SHOWS_INTRO): a quoted cookie banner and its buttons, a book's copyright page, an email's small print
    in a song. The sentence ends with a colon, line i is at most the _SHOWN_MAX_LINES-th line after it, and no
    other colon line nor two blank lines in a row (a new section) stand between. A sentence that announces a list
    without naming it as a quote (see `announces`) holds only for the list's short items right under it, with no
    blank line between ("The new front page is organised into five sections:" over "News", "Business", ...)."""
    seen, j, items = 0, i - 1, _list_item_line(rnd.raw(i))
    while j >= 0 and seen < _SHOWN_MAX_LINES:
        if rnd.blank(j):
            if j > 0 and rnd.blank(j - 1):
                return False
            j -= 1  # (one blank line may stand under the announcing sentence or between the items)
            continue
        raw = rnd.raw(j).rstrip()
        if raw.rstrip("*_").endswith(":"):
            return announces(raw, rnd.view(j).norm, items)
        seen, j, items = seen + 1, j - 1, items and _list_item_line(raw)
    return False


def _list_item_line(raw: str) -> bool:
    """A short item of a list: a few words and no sentence's end (a Markdown heading, "#### Comments", is none)."""
    text = raw.strip()
    return (0 < len(text.split()) <= _LIST_ITEM_MAX_WORDS and not text.startswith("#")
            and not text.rstrip(CLOSING_MARKS).endswith((".", "!", "?")))


# a sentence that opens by naming the line above it as words: "That single word, printed in small grey capitals
# ...", "Those two words, Okafor said, ...", "Ces deux mots ..."
_NAMES_THE_LINE_ABOVE = _OnFirstUse(
    r"^\W{0,3}(?:that|this|those|these|dieses|diese|ce|ces|cette|esa|ese|esas|esos|esta|este|estas|estos|quella|quelle"
    r"|quel|quei|questa|queste|dat|die|deze|to|te|ten|ta|это|эти|эта|ця|ці|це|essa|esse|essas|esses)"
    r"(?: (?:single|one|two|three|four|few|simple|little|einzige|zwei|drei|seul|deux|trois|sola|dos|tres|due|tre"
    r"|twee|drie|dwa|trzy|два|три|дві|duas|dois))? (?:words?|phrases?|labels?|lines?|sentences?|wort|wörter|worte"
    r"|satz|mots?|phrases?|palabras?|frases?|parole|parola|woord|woorden|zin|słow[ao]|zdanie|слов[ао]?|фраз[аы]"
    r"|слова|фраза|palavras?)\b",
)


def named_by_the_next_line(rnd, i: int) -> bool:
    """Whether the sentence after line i (blank lines aside) opens by naming it as words ("Donate now." over "Those
    two words, Okafor said, are ones she would like to hear less often"): the article quoting a label to talk about
    it."""
    j = _next_nonblank(rnd, i, 1)
    return j is not None and _NAMES_THE_LINE_ABOVE.match(rnd.view(j).norm) is not None


# a Markdown table's delimiter row, under its header row: "|---|:---:|"
_TABLE_RULE = _OnFirstUse(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*){1,40}\|?\s*$")


def a_tables_header(rnd, i: int) -> bool:
    """Whether line i of a round is a Markdown table's header row ("| Home | Score | Away |" over "|---|---|---|"),
    every cell of it named: the document's table, not a menu of the site (a page laid out in a table leaves cells
    empty: "| XML/RSS feeds |  |")."""
    raw = rnd.raw(i).strip()
    if not raw.startswith("|") or i + 1 >= rnd.n or _TABLE_RULE.match(rnd.raw(i + 1)) is None:
        return False
    cells = [c.strip() for c in raw.strip("|").split("|")]
    return len(cells) >= 2 and all(cells)


# a how-to's headline ("How to Build a Newsletter Signup Form That People Actually Use", "Comment refuser les
# cookies sur son téléphone"): an article's title or section heading, never a box's, which speaks to "you" or as "we"
_HOW_TO = _OnFirstUse(r"(?:#+ )?(?:how to|wie (?:man|sie|du)|comment|cómo|como|come|hoe|jak|как|як) \w")
_HOW_TO_MIN_WORDS = 5


def _a_how_to_headline(norm: str) -> bool:
    """A headline that opens "How to ..." (see above): not a sentence, and neither "you" nor "we" in it."""
    return (_HOW_TO.match(norm) is not None and _word_count(norm) >= _HOW_TO_MIN_WORDS and not reads_as_prose(norm)
            and _neither_you_nor_we(norm))


def _short_talk(raw: str) -> bool:
    """A short line that is a document's own numbered section heading, or a line of dialogue (see above), or a
    numbered item that quotes a title ('3. "Up Next"' in a list of podcasts)."""
    lead = raw.lstrip()[:1]
    if lead.isdigit() or lead == "§":
        if _section_heading(raw):
            return True
        item = _LIST_NUMBER.match(raw)
        return item is not None and _QUOTED_LINE.match(raw[item.end():]) is not None
    if lead and lead in _OPENING and len(raw.split()) <= _QUOTED_LINE_MAX_WORDS:
        return _QUOTED_LINE.match(raw) is not None
    return False


def _quotes_a_prompt(raw: str) -> bool:
    """Whether the line opens with words of its own and then quotes, after a colon, "the words", "reading" or "such
    as", or quotes the subject of what follows ('If "..." means anything'); the first quote mark of the line opens
    the quote (no regex walk over lines without one)."""
    found = [at for at in map(raw.find, _QUOTES) if at >= 0]
    if not found:
        return False
    first = min(found)
    if raw[first] not in _OPENING:
        return False
    before = raw[:first]
    if _word_count(before) < _QUOTING_MIN_WORDS:
        return False
    close = [at for at in map(lambda q: raw.find(q, first + 1), _QUOTES) if at >= 0]
    end = min(close) if close else len(raw)
    if len(raw[first + 1:end].split()) < _QUOTING_MIN_WORDS:
        return False
    introduced = _QUOTE_INTRO.search(before[-16:]) is not None
    named = close != [] and _QUOTE_NAMED.match(raw, end + 1) is not None
    subject = close != [] and _QUOTE_SUBJECT.match(raw, end + 1) is not None
    if not (introduced or named or subject) or _box_speaks(before.casefold()):
        return False
    # the rest of the sentence is the box's too when it says "we" ('"Journalism matters" is our promise - support
    # us', 'stories such as "..." - sign up to our newsletter'), or addresses the reader in the clause right after
    # the quote ('..., click the "Subscribe now" button below to keep reading your ...', '... ist Ihr Zugang ...')
    after = _sentence_from(raw[end + 1:].casefold(), 0)
    return not _box_speaks(after) and _ADDRESSES_READER.search(regex.split(r"[,.;:!?]", after, maxsplit=1)[0]) is None


def has_a_quote(raw: str) -> bool:
    """Whether a line opens a quote (see only_in_quotes)."""
    return any(q in raw for q in _OPENING)


def only_in_quotes(matcher, raw: str) -> bool:
    """Whether what a matcher found on a line stands only inside its quotes, with a sentence of the writer's own
    around them: 'A cycling shop replaced "Subscribe to our newsletter" with "Get one route guide every Friday."'
    quotes two prompts and is a story's line. Tested again on the line with its quoted prompts made one word (see
    _without_quotes); a line that is all quote (a box sets its slogan in quote marks) keeps what it was found to be."""
    outside = _without_quotes(raw)
    # (words with a letter: "### 6 thoughts on "Title"" is a comment section's heading, not a sentence)
    if outside == raw or sum(1 for w in outside.split() if any(map(str.isalpha, w))) < _QUOTING_MIN_WORDS:
        return False
    # (the words around the quote are the box's own when they say "we", or speak to the reader right after it: 'By
    # clicking "Post Your Answer", you agree to our terms of service'; a writer may say "you" elsewhere: 'you have
    # probably seen a line like "..."', and name a newsroom: 'Chefredakteurin X hatte die Kampagne gestartet')
    mark = _PLACEHOLDER.search(outside)  # (the first quoted prompt's stand-in word, as a word: not the "x" of "next")
    after = regex.split(r"[,.;:!?]", outside[mark.end():].casefold(), maxsplit=1)[0] if mark else ""
    if _OWN_VOICE.search(_quoting_sentences(raw)) is not None or _ADDRESSES_READER.search(after) is not None:
        return False
    from .kinds.line_match import LineView  # (shapes is imported by line_match's users; the view is only needed here)

    return not matcher.match(LineView(outside))


# a Markdown link's target right before a quote: the quote is the link's title, a tooltip, not a quoted prompt
_LINK_TARGET = regex_programs.compile(r"\]\([^)\s]*\s+$", 0)
_PLACEHOLDER = regex_programs.compile(r"(?<!\w)X(?!\w)", 0)  # what _without_quotes puts in a quoted prompt's place
_QUOTED_MIN_WORDS = 3  # a quoted prompt has a few words; two are often a name ("«Новая газета»", "„Die Zeit“")
_NOT_QUOTED = ("|", "•", "·")  # between guillemets, a menu's items ("« Previous | Main | Next »")


def _quoting_sentences(raw: str) -> str:
    """The sentences of a line that hold a quoted prompt, case-folded: where a box's own voice would stand
    ('"Journalism matters" is our promise'). A writer who quotes a notice whole may speak as "we" in a sentence of
    their own after it ('... saying "This post contains affiliate links." It is there because we think ...')."""
    marked = _without_quotes(raw, keep_stop=True)
    return " ".join(s for s in _SENTENCE_BREAK.split(marked) if _PLACEHOLDER.search(s)).casefold()


# (a new sentence opens with a capital: "X. – Rachel, member since 2021" is the quote's signature, one sentence)
_SENTENCE_BREAK = regex_programs.compile(r"(?<=[.!?])\s+(?=\p{Lu})", 0)


def _without_quotes(raw: str, keep_stop: bool = False) -> str:
    """The line with each quoted prompt (an opening quote mark to the next quote mark, three words or more or named
    as a button, a notice ... just before it, no menu separator in it) made the one word "X", so that a sentence
    keeps its shape ("... replaced X with X"); an unclosed quote is left as it is. With `keep_stop`, a prompt that
    ends a sentence inside its quote marks leaves that stop after its "X", so the line's sentences stay apart."""
    out, at = [], 0
    while True:
        opens = [i for i in map(lambda q: raw.find(q, at), _OPENING) if i >= 0]
        if not opens:
            break
        first = min(opens)
        closes = [i for i in map(lambda q: raw.find(q, first + 1), _QUOTES) if i >= 0]
        if not closes:
            break
        end = min(closes)
        quoted = raw[first + 1:end]
        if _LINK_TARGET.search(raw, max(0, first - 300), first) is not None:  # ('[Share](/q/5 "Short permalink")')
            out.append(raw[at:end + 1])
            at = end + 1
            continue
        named = _QUOTE_INTRO.search(raw[max(0, first - 16):first]) is not None  # ('einem Knopf „Später erinnern“')
        if (len(quoted.split()) >= _QUOTED_MIN_WORDS or named) and not any(c in quoted for c in _NOT_QUOTED):
            stop = quoted.rstrip()[-1:]
            out.append(raw[at:first] + "X" + (stop if keep_stop and stop and stop in ".!?" else ""))
        else:
            out.append(raw[at:end + 1])
        at = end + 1
    out.append(raw[at:])
    return "".join(out)


def _word_count(text: str) -> int:
    """The pieces of a text between spaces, but for a colon standing alone: French sets a space before a colon, and
    "À lire aussi : «" is the three words of a label, not four words of prose."""
    return sum(1 for piece in text.split() if piece != ":")


def _box_speaks(text: str) -> bool:
    """Whether a clause or sentence is the box's own voice: "we"/"our", a supporter "since 2018", or its newsroom
    speaking in the present."""
    return _OWN_VOICE.search(text) is not None or (
        _NEWSROOM.search(text) is not None and _PAST_SPEECH.search(text) is None)


_NARRATION_MIN_WORDS = 6


def narrates(text: str) -> bool:
    """Whether a line is a sentence of the writer's own story: prose of a few words that neither speaks to the
    reader ("you", "Sie", "вы") nor as the publication ("we", "our", its newsroom), nor quotes a slogan. A box's
    sentences do one or the other ("You can unsubscribe at any time", "Our journalism is free", '“Wikipedia still
    can't be sold.” - An important update'); "Some outlets are also experimenting with email newsletters." and
    "That's why I started this newsletter." do none."""
    return (
        not has_a_quote(text)
        and reads_as_prose(text)
        and _word_count(text) >= _NARRATION_MIN_WORDS
        and _neither_you_nor_we(text.casefold())
    )


def without_short_quotes(text: str) -> str:
    """The text with the marks of its short quotes taken away ('which Hurst described as "an experiment"' reads as
    the writer's sentence), or as it is when it quotes a prompt (see _without_quotes): that stays a quote."""
    if not has_a_quote(text) or _without_quotes(text) != text:
        return text
    return text.translate(_NO_QUOTE_MARKS)


_NO_QUOTE_MARKS = str.maketrans("", "", _QUOTES)


def gives_an_order(folded: str) -> bool:
    """Whether a case-folded line holds a sentence that opens with a call to action ("Get all the latest news on
    the go with the X app.", "Become a patron for ad-free episodes", "Подпишитесь на ...", "X abonnieren"): the
    voice of a box that speaks neither "you" nor "we". A sentence of a story that opens with such a word ("Support
    for the bill grew") only means that a test which needs none does not apply."""
    return _ORDER.search(folded) is not None


# the first word of a sentence (after the line's start or a sentence's end, and any marks), as calls to action open
# one: English and other languages' imperatives by word, Romance, Slavic and Czech ones also by their endings, and a
# German or Dutch infinitive at a sentence's end ("Jetzt Newsletter abonnieren!")
_ORDER = _OnFirstUse(
    r"(?:^|[.!?…]\s+)\W{0,3}(?:"
    r"(?:get|download|sign|subscribe|join|become|support|donate|give|follow|read|listen|watch|check|catch|click|tap"
    r"|visit|find|discover|try|start|stay|keep|share|like|register|log|create|enter|help|see|learn|explore|install"
    r"|contribute|chip|back|pledge|upgrade|unlock|don't|don’t|never|make|take|grab|claim|shop|buy|order|book|save"
    r"|send|tell|email|e-mail|call|leave|let|bookmark|add|allow|accept|manage|continue|go|meet|hear|opt|already"
    r"|jetzt|hier|abonnieren|melde|folge|lies|hol|faites|suivez|abonne|rejoins|lis|hazte|dona|descarga|apoya|sigue"
    r"|lee|únete|sostieni|scarica|abbonati|segui|leggi|scopri|registrati|accedi|steun|word|volg|lees|abonneer|meld"
    r"|schrijf|zapisz|pobierz|wesprzyj|dołącz|subskrybuj|obserwuj|czytaj|kup|zarejestruj|zaloguj|sprawdź|przeczytaj"
    r"|posłuchaj|assine|baixe|inscreva|apoie|siga|leia|participe|cadastre|receba|clique|acesse|prenumerera|ladda|följ"
    r"|stöd|bli|läs|registrera|logga)\b"
    r"|\w+(?:ez|ete|ate|iti|ici|ите|йте|итесь|йтесь|іть|іться|йтеся|ěte|ejte|te se)\b"
    r")"
    r"|\b(?:abonnieren|anmelden|unterstützen|spenden|herunterladen|registrieren|weiterlesen|bestellen|downloaden"
    r"|aanmelden|abonneren|steunen|doneren)[.!]?$"
)


def _neither_you_nor_we(folded: str) -> bool:
    """Whether case-folded text neither speaks to the reader nor speaks as the publication (see `_box_speaks`)."""
    return _ADDRESSES_READER.search(folded) is None and not _box_speaks(folded)


def _sentence_from(text: str, start: int) -> str:
    """The text from `start` to the end of its sentence."""
    end = _SENTENCE_END.search(text, start)
    return text[start:end.end() if end else len(text)]
