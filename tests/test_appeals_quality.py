"""Reader appeals (donation, newsletter, paywall, app): golden cases, negatives that must not change, the scored kind's
block semantics, and — when the shared corpora are present — the appeals-dev targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlcleaner import Cleaner, Settings

from conftest import FIXTURES, SHARED, quick_gate

APPEAL_CATEGORIES = {"donation", "newsletter", "paywall", "app"}
GOLDEN = sorted(p for p in (FIXTURES / "appeals").iterdir() if p.is_dir())
NEGATIVES = sorted((FIXTURES / "negatives").glob("appeals-*/*.txt"))
APPEALS_DEV = SHARED / "corpus" / "appeals-dev"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogateescape")


@pytest.fixture(scope="module")
def appeals_only():
    with quick_gate():
        return Cleaner(Settings(select=tuple(sorted(APPEAL_CATEGORIES))))


def test_fixture_sets_are_big_enough():
    assert len(GOLDEN) >= 10
    assert len(NEGATIVES) >= 20
    assert len({p.parent.name for p in NEGATIVES}) >= 6  # several languages


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.name)
def test_golden_appeal_case(case, cleaner):
    text = _read(case / "input.txt")
    result = cleaner.clean(text)
    assert result.text == _read(case / "expected.txt")
    assert result.removals and not result.flags
    assert {r.category for r in result.removals} <= APPEAL_CATEGORIES | {"navigation"}
    assert cleaner.clean(result.text).text == result.text  # idempotent


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.name)
def test_golden_appeal_case_with_appeal_packs_alone(case, appeals_only):
    assert appeals_only.clean(_read(case / "input.txt")).text == _read(case / "expected.txt")


@pytest.mark.parametrize("doc", NEGATIVES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_negative_document_is_unchanged(doc, cleaner):
    text = _read(doc)
    result = cleaner.clean(text)
    assert result.text == text, [(r.rule, r.text) for r in result.removals]
    assert not result.held  # not even a weak claim the guard had to stop


# --- the scored kind: block semantics (docs/rules.md, "scored") ---------------------------------------------------

PACK = '''
[pack]
name = "mine"

[[rule]]
id = "donation.test-appeal"
kind = "scored"
why = "test"
threshold = 6
min_signals = 2
min_line_weight = 2

[[rule.signal]]
name = "asks"
weight = 3
pattern = '\\b(?:donate|support us)\\b'

[[rule.signal]]
name = "journalism"
weight = 3
pattern = '\\bour journalism\\b'

[[rule.signal]]
name = "button-ish"
weight = 1
pattern = '^(?:learn more|maybe later)$'

[[rule.signal]]
name = "reported"
weight = -4
pattern = '\\bsaid\\b'

[rule.examples]
remove = ["""
Paragraph one of a long enough article about the council's budget and what it means for the schools.
Paragraph two of a long enough article about the council's budget and what it means for the roads.
~~ Our journalism is free. Please support us.
~~ Donate
"""]
keep = ["The charity said donations rose."]
'''

BODY = [f"Paragraph {i} of the article reports at length what the council decided about the budget this week." for i in range(6)]


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "mine.toml"
    path.write_text(PACK, encoding="utf-8")
    return Cleaner(Settings(builtin=False, rules=(str(path),)))


def _clean(cleaner, lines):
    return cleaner.clean("\n".join(lines) + "\n").text.splitlines()


def test_scored_blank_lines_do_not_break_a_block(scored):
    out = _clean(scored, BODY[:3] + ["", "Our journalism is free.", "", "Please support us.", "", "Donate"] + ["", *BODY[3:]])
    assert not any("journalism" in line or line == "Donate" for line in out)


def test_scored_a_trailing_heading_without_signal_stays(scored):
    out = _clean(scored, BODY[:3] + ["Our journalism is free. Please support us.", "Donate", "What happens next"] + BODY[3:])
    assert "What happens next" in out and "Donate" not in out


def test_scored_a_trailing_weak_button_goes(scored):
    out = _clean(scored, BODY + ["Our journalism is free. Please support us.", "Donate", "Maybe later"])
    assert out == BODY


def test_scored_a_lead_in_line_goes_with_the_block(scored):
    out = _clean(scored, BODY + ["Before you go...", "Our journalism is free. Please support us.", "Donate"])
    assert out == BODY


def test_scored_reported_speech_keeps_a_news_sentence(scored):
    lines = BODY + ["The editor said: support us, donate, our journalism needs it."]
    assert _clean(scored, lines) == lines


def test_scored_a_lone_long_paragraph_needs_twice_the_threshold(scored):
    long_line = "Our journalism is free, and it is " + "very " * 60 + "good. Please support us."
    assert len(long_line) > 300
    lines = BODY + [long_line]
    assert _clean(scored, lines) == lines  # weight 6: enough for a box, not for a lone long paragraph (2 x 6)
    short_line = "Our journalism is free. Please support us and donate."
    assert _clean(scored, BODY + [short_line, "Donate"]) == BODY


def test_scored_signals_see_long_lines(scored):
    """A signal is not cut off at the 300 characters that bound pattern rules."""
    long_line = "Our journalism is free, " + "and it stays free for everyone " * 12 + "so please support us."
    assert len(long_line) > 300
    out = _clean(scored, BODY + [long_line, "Donate"])
    assert out == BODY


# --- appeals in the style of publishers no rule names (written for these tests), at the end and in the middle ------

ARTICLE = [
    "The regional government announced on Monday that it would spend an extra 40 million on repairing rural roads over the next three years.",
    "Officials said the first contracts would be signed in the spring, with work starting in the districts worst hit by last winter's floods.",
    "Opposition politicians welcomed the money but said it came too late for communities that had been cut off for weeks.",
    "A detailed list of the roads to be repaired will be published next month, according to the transport department.",
]
UNSEEN = {
"vox-like": ["Will you support our explanatory journalism?", "Most news outlets make their money through advertising or subscriptions. But we rely on readers like you to keep our work free for everyone.", "Yes, I'll give $5/month", "Yes, I'll give $5/month", "We accept credit card, Apple Pay, and Google Pay. You can also contribute via"],
"tribune-like": ["Join our community of readers", "The Valley Tribune is a nonprofit newsroom. Become a member today and help us keep the news free.", "Donate now"],
"democracynow-like": ["Non-commercial news needs your support", "We rely on contributions from you, our viewers and listeners, to do our work. Please do your part today.", "Make a donation"],
"independent-like": ["Help us keep bringing you independent journalism", "Your support makes all the difference. Help us with a voluntary contribution today.", "Contribute"],
"nyt-like": ["Subscribe to The Daily Record", "Get unlimited access to all of our journalism. Cancel or pause anytime.", "Subscribe for $1 a week"],
"wapo-like": ["Subscribe to comment and get the full experience.", "Choose your plan →"],
"politico-like": ["Sign up for Morning Briefing: Your guide to the day's most important political news, delivered every weekday."],
"netzpolitik-like": ["Wir sind ein spendenfinanziertes Medium", "Unterstütze auch Du unsere Arbeit mit einer Spende.", "Jetzt spenden"],
"taz-like": ["Unterstützen Sie unabhängigen Journalismus!", "Wir haben keine Paywall. Mit einem freiwilligen Beitrag sorgen Sie dafür, dass unsere Artikel für alle frei zugänglich bleiben.", "Jetzt unterstützen"],
"krautreporter-like": ["Werde Mitglied!", "Wir finanzieren uns ausschließlich durch unsere Mitglieder. Keine Werbung, keine Paywall.", "Mitglied werden"],
"mediapart-like": ["Pour lire la suite de cet article, abonnez-vous.", "Déjà abonné ? Connectez-vous", "S'abonner"],
"libe-like": ["Soutenez un journalisme indépendant", "Votre don permet à notre rédaction de continuer à enquêter. Chaque don compte.", "Je fais un don"],
"eldiario-like": ["Hazte socio", "Tu apoyo es fundamental para que podamos seguir haciendo periodismo independiente.", "Quiero hacerme socio"],
"ilpost-like": ["Abbonati per sostenere il nostro lavoro", "Con un abbonamento leggi senza pubblicità e sostieni un giornalismo libero.", "Abbonati"],
"correspondent-like": ["Word lid van onze redactie", "Wij zijn advertentievrij en volledig afhankelijk van onze leden. Steun onafhankelijke journalistiek.", "Word lid"],
"oko-like": ["Wspieraj niezależne dziennikarstwo", "Dołącz do grona naszych darczyńców. Twoja wpłata pozwala nam patrzeć władzy na ręce.", "Wpłać"],
"meduza-like": ["Поддержите нашу редакцию", "Мы работаем только благодаря читателям. Ваше пожертвование — это возможность продолжать работу.", "Поддержать"],
"up-like": ["Підтримайте незалежне медіа", "Ставайте нашими друзями — ваші внески допомагають нам працювати.", "Стати другом"],
"nl-newsletter": ["Schrijf je in voor onze nieuwsbrief", "Elke ochtend het belangrijkste nieuws in je mailbox.", "Aanmelden"],
"es-newsletter": ["Recibe nuestro boletín", "Las noticias más importantes del día en tu correo electrónico.", "Suscribirme"],
"pl-newsletter": ["Zapisz się do naszego newslettera", "Najważniejsze informacje dnia prosto na Twoją skrzynkę.", "Zapisz się"],
"ru-newsletter": ["Подпишитесь на нашу рассылку", "Главные новости дня — каждое утро на вашу почту.", "Подписаться"],
"uk-paywall": ["Цей матеріал доступний лише передплатникам.", "Вже маєте передплату? Увійдіть", "Оформити передплату"],
"it-paywall": ["Questo articolo è riservato agli abbonati.", "Sei già abbonato? Accedi", "Abbonati ora"],
"de-app": ["Laden Sie jetzt unsere kostenlose App herunter und verpassen Sie keine Eilmeldung mehr.", "Im App Store", "Bei Google Play"],
"en-app2": ["Get our app", "Read the news on the go with the Daily Record app, with push notifications for breaking news.", "Download on the App Store"],
"blog-patreon": ["If you enjoyed this article, please consider supporting me on Patreon or buying me a coffee."],
"npr-like": ["Support public radio", "Your gift today helps keep independent, trustworthy news free for everyone in our community.", "Give now"],
"goal": ["Help us reach our goal of 1,000 new members by December 31.", "Every gift will be matched, doubling your impact.", "Donate"],
"digest": ["Don't miss out!", "Want the best of our reporting delivered to your inbox? Sign up for our daily digest.", "Sign up"],
"meter": ["You've read all your free articles this month.", "Subscribe now for unlimited access.", "Already a subscriber? Log in"],
"meter2": ["You have 2 free articles left this month.", "Register for free to read the full story."],
"de-trial": ["Jetzt 4 Wochen gratis testen", "Alle Artikel lesen, jederzeit kündbar.", "Schon Abonnent? Hier einloggen"],
"fr-sub": ["Abonnez-vous à partir de 1 € par mois", "Accédez à tous nos articles en illimité, sans engagement.", "Je m'abonne"],
"es-sub": ["Regístrate gratis para seguir leyendo", "¿Ya tienes una cuenta? Inicia sesión"],
"es-sub2": ["Suscríbete por 1 € al mes", "Accede sin límites a todos nuestros contenidos.", "Suscríbete"],
"it-reg": ["Accedi o registrati per continuare a leggere", "Abbonati a soli 1 € al mese per il primo anno."],
"md-newsletter": ["### Never miss a story", "*Get our free weekly newsletter in your inbox.*", "- [Sign me up](https://example.org/signup)"],
"md-donate": ["> **Support independent journalism**", "> We are a small, reader-funded team. Chip in $5 to keep us going.", "> [Donate](https://example.org/donate)"],
"pl-paywall": ["Ten artykuł jest dostępny tylko dla subskrybentów.", "Wykup subskrypcję i czytaj bez ograniczeń.", "Masz już subskrypcję? Zaloguj się"],
"nl-donate": ["Steun onafhankelijke journalistiek", "Met een kleine bijdrage help je ons om onze artikelen gratis te houden.", "Doneer nu"],
"uk-newsletter": ["Підпишіться на нашу розсилку", "Найважливіші новини щотижня на вашу пошту.", "Підписатися"],
"ru-paywall": ["Этот материал доступен только подписчикам.", "Оформите подписку, чтобы читать без ограничений.", "Уже есть подписка? Войдите"],
"it-donate": ["Sostieni il giornalismo indipendente", "Il nostro lavoro è possibile grazie ai lettori. Con una piccola donazione ci aiuti a restare liberi.", "Dona ora"],
"it-newsletter": ["Ricevi la nostra newsletter", "Le notizie più importanti ogni mattina nella tua casella email.", "Iscriviti"],
"es-newsletter2": ["Apúntate a nuestra newsletter", "Cada viernes, lo mejor de la semana en tu bandeja de entrada.", "Apuntarme"],
"es-paywall": ["Este artículo es exclusivo para suscriptores", "Suscríbete para seguir leyendo", "¿Ya eres suscriptor? Inicia sesión"],
"pl-newsletter2": ["Newsletter", "Zapisz się, a najważniejsze wiadomości trafią prosto na Twoją skrzynkę.", "Zapisz się"],
"pl-donate2": ["Pomóż nam działać", "Jesteśmy niezależną redakcją utrzymywaną przez czytelników. Wesprzyj nas jednorazowo lub co miesiąc.", "Wspieram"],
"nl-newsletter2": ["Ontvang onze nieuwsbrief", "Elke week het beste van onze redactie in je inbox.", "Inschrijven"],
"nl-paywall2": ["Lees verder met een abonnement", "Krijg onbeperkt toegang tot al onze artikels.", "Bekijk aanbiedingen"],
"fr-newsletter2": ["Newsletter", "Recevez chaque semaine le meilleur de nos articles dans votre boîte mail.", "Je m'inscris"],
"fr-donate2": ["Chers lecteurs,", "notre journal ne vit que grâce à vos dons. Aidez-nous à rester libres et indépendants.", "Faire un don"],
"de-newsletter2": ["Newsletter", "Die wichtigsten Nachrichten des Tages – jeden Morgen kostenlos in Ihr Postfach.", "Jetzt anmelden"],
"de-paywall2": ["Weiterlesen mit Plus", "Alle Artikel lesen, 4 Wochen für 1 €, danach monatlich kündbar.", "Jetzt testen"],
"ru-donate2": ["Дорогие читатели!", "Наше издание существует только на ваши пожертвования. Помогите нам продолжать работу.", "Помочь"],
"uk-donate2": ["Шановні читачі!", "Ми — незалежне медіа, і ваша підтримка допомагає нам працювати далі.", "Підтримати"],
"en-member": ["Become a member", "Members get ad-free reading, exclusive newsletters and invitations to events, and help fund our reporting.", "Join now"],
}


@pytest.mark.parametrize("place", ["end", "middle"])
@pytest.mark.parametrize("name", sorted(UNSEEN))
def test_unseen_style_appeal_goes_whole_and_the_article_stays(name, place, cleaner):
    appeal = UNSEEN[name]
    lines = ARTICLE + appeal if place == "end" else ARTICLE[:2] + appeal + ARTICLE[2:]
    assert cleaner.clean("\n".join(lines) + "\n").text.splitlines() == ARTICLE


# --- the shared appeals-dev corpus (skipped when it is not there) ------------------------------------------------


def _scored_corpus(cleaner, folder: Path):
    """Characters of boilerplate removed / content removed, and the names of negatives that changed."""
    manifest = {json.loads(line)["name"]: json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines()}
    bp_total = bp_removed = ct_total = ct_removed = 0
    changed_negatives = []
    for name, meta in sorted(manifest.items()):
        text = _read(folder / f"{name}.txt")
        result = cleaner.clean(text)
        removed_lines = set()
        for r in result.removals:
            removed_lines.update(range(r.start_line, r.end_line + 1))
        lines = text.split("\n")
        for rec in map(json.loads, (folder / f"{name}.labels.jsonl").read_text().splitlines()):
            if rec.get("uncertain"):
                continue
            size = len(lines[rec["line"] - 1])
            gone = rec["line"] in removed_lines
            if rec["label"] == "boilerplate":
                bp_total += size
                bp_removed += size * gone
            elif rec["label"] == "content":
                ct_total += size
                ct_removed += size * gone
        if meta["placement"] == "negative" and result.text != text:
            changed_negatives.append(name)
    return bp_removed / bp_total, ct_removed / ct_total, changed_negatives


@pytest.mark.skipif(not (APPEALS_DEV / "manifest.jsonl").exists(), reason="shared appeals-dev corpus not available")
def test_appeals_dev_targets(cleaner):
    recall, loss, changed = _scored_corpus(cleaner, APPEALS_DEV)
    assert changed == []
    assert loss <= 0.001
    assert recall >= 0.99  # issue #4 asks for 0.95; 1.000 since boxes take their own story under a box heading
