"""Seeded differential fuzz of the gate's two newest shortcuts, on the families of inputs that found nothing when they
were attacked (see tests/test_gate_fuzz_findings.py for those that did): the default Cleaner (hyperscan with its gate)
and one whose prefilter is the python backend must give the same text, removals, held removals and flags.

1. Stand-in expressions (a gate expression naming characters outside ASCII, rewritten with their stand-ins): user
   patterns naming Greek final sigma, Turkish dotted and dotless i, ß and ẞ, ligatures, combining marks, ё and е,
   titlecase digraphs, full-width letters, digits and punctuation outside ASCII (in literals, sets, ranges and
   negated sets), emoji, the Ohm and Angstrom signs; lines written in every case and normalisation form of them.
   And the built-in packs on lines in other languages taken from their own phrases and examples. Decomposed
   accents in the text (NFD) are swapped in too (keys are looked for in the composed text since class 7 of
   tests/test_gate_fuzz_findings.py was fixed).
2. Carried gate verdicts (a round after whole-line cuts renumbers the previous round's): documents that take several
   rounds (tail furniture behind tail furniture), with CRLF, a BOM, no final newline, cuts of the first or last
   line, `nlcleaner: off/on` regions, whole-article furniture that the guard holds back, and span rules (cuts
   inside a line, after which nothing may be carried)."""

import random
import tomllib
import unicodedata
from pathlib import Path

from conftest import ROOT
from conftest import gate_pair as _pair
from conftest import needs_gate

from nlcleaner.settings import Settings

pytestmark = needs_gate


def _differences(gated, plain, docs):
    out, removed = [], 0
    for i, text in enumerate(docs):
        a, b = plain.clean(text), gated.clean(text)
        if (a.text, a.removals, a.held, a.flags) != (b.text, b.removals, b.held, b.flags):
            out.append((i, text[:300]))
        removed += len(a.removals)
    return out, removed


# (pattern, a line it removes): each names characters outside ASCII in a literal, a set, a range or a negated set
USER_RULES = [
    ("^ακολουθήστε μας$", "Ακολουθήστε μας"),
    ("^εγγραφείτε (?:σ|ς)τη λίστα$", "Εγγραφείτε στη λίστα"),
    ("^[α-ω]+ς newsletter$", "Λογος newsletter"),
    ("^abonn[eéè]z-vous$", "Abonnez-vous"),
    ("^[а-яё]+ на канал$", "Подпишитесь на канал"),
    ("^подпишитесь на наш телеграм$", "Подпишитесь на наш телеграм"),
    ("^ёлка акция$", "Ёлка акция"),
    ("^straße frei anzeige$", "Straße frei Anzeige"),
    ("^ǆungla promo$", "ǅungla promo"),
    ("^cafe\u0301 offert$", "Cafe\u0301 offert"),
    ("^café gratuit$", "Café gratuit"),
    ("^oferta [٠-٩]+ días$", "Oferta ٣ días"),
    ("^código [0-9٠-٩]+$", "Código 12"),
    ("^promo[«»„“‘’]code$", "promo«code"),
    ("^sponsor [^«»]+$", "sponsor anything"),
    ("^🎁 (?:gift|cadeau)$", "🎁 gift"),
    ("^ｓｈｏｐ now$", "shop now"),
    ("^kayıt ol$", "Kayıt ol"),
    ("^i̇ndir şimdi$", "İndir şimdi"),
    ("^ﬁnd more deals$", "ﬁnd more deals"),
    ("^[ά-ώ]+ προσφορά$", "Μεγάλη προσφορά"),
    ("^\u2126mega deal$", "Ωmega deal"),
    ("^\u212bngstrom sale$", "Ångstrom sale"),
    ("^ǉubav ponuda$", "Ljubav ponuda"),
    ("^[ÀÉÈ] la une$", "À la une"),
    ("^reklama [ąćęłńóśźż]+$", "Reklama żółć"),
    ("^werbung [äöüß]?$", "Werbung ä"),
    ("^\\w+ spende[nñ]$", "Jetzt spenden"),
    ("^donne[zr]? (?:maintenant|aujourd’hui)$", "Donnez aujourd’hui"),
]

_SWAPS = [("ς", "σ"), ("σ", "ς"), ("ё", "е"), ("е", "ё"), ("ı", "i"), ("i", "ı"), ("İ", "i"), ("ß", "ss"),
          ("ss", "ß"), ("ß", "ẞ"), ("fi", "ﬁ"), ("ﬁ", "fi"), ("ǅ", "ǆ"), ("ǆ", "Ǆ"), ("Ω", "\u2126"),
          ("Å", "\u212b"), ("e\u0301", "é"), ("Lj", "ǈ"), ("s", "ｓ"), ("٣", "3"), ("3", "٣"),
          ("«", "»"), ("’", "'"), ("K", "\u212a"), ("é", "e\u0301"), ("ü", "u\u0308"), ("ó", "o\u0301")]


def _variants(r: random.Random, line: str) -> str:
    op = r.randrange(12)
    if op == 0:
        return line.upper()
    if op == 1:
        return line.lower()
    if op == 2:
        return line.casefold()
    if op == 3:
        return line.title()
    if op == 4:
        return unicodedata.normalize("NFC", line)
    if op == 5:
        return unicodedata.normalize("NFKC", line)
    if op in (6, 7, 8):
        a, b = r.choice([s for s in _SWAPS if s[0] in line] or [("", "")])
        return line.replace(a, b) if a else line
    if op == 9:
        return "**" + line + "**"
    if op == 10:
        return "* " + line + " "
    return line


def _user_pack(tmp_path) -> Path:
    def q(s):
        return '"' + "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}"
                             for c in s) + '"'
    parts = ['[pack]\nname = "mine"\n']
    for k, (pattern, example) in enumerate(USER_RULES):
        parts.append(f'[[rule]]\nid = "ad.mine{k}"\nkind = "pattern"\nwhy = "Mine."\npattern = {q(pattern)}\n'
                     f'[rule.examples]\nremove = [{q(example)}]\nkeep = ["Plain text."]\n')
    path = tmp_path / "mine.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


FILLER = ["The council met on Tuesday.", "Η βουλή συνεδρίασε την Τρίτη.", "Совет собрался во вторник.",
          "Rada zebrała się we wtorek.", "Der Rat tagte am Dienstag.", "Le conseil s’est réuni mardi.",
          "Meclis salı günü toplandı.", "Рада зібралася у вівторок.", ""]


def test_user_patterns_naming_characters_outside_ascii(tmp_path):
    gated, plain = _pair(Settings(rules=(str(_user_pack(tmp_path)),), builtin=False))
    r = random.Random(20261125)
    docs = []
    for _ in range(400):
        parts = []
        for _ in range(r.randint(1, 8)):
            if r.random() < 0.6:
                parts.append(_variants(r, r.choice(USER_RULES)[1]))
            else:
                parts.append(r.choice(FILLER))
        docs.append("\n".join(parts) + ("\n" if r.random() < 0.7 else ""))
    differ, removed = _differences(gated, plain, docs)
    assert not differ, differ[:3]
    assert removed > 200


def _pack_lines() -> list[str]:
    """Phrases and removed example lines of the built-in packs that hold characters outside ASCII."""
    out = []
    for path in sorted((ROOT / "nlcleaner" / "packs").glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            out.extend(p for p in rule.get("phrases", ()) or () if not p.isascii())
            for ex in (rule.get("examples") or {}).get("remove", ()):
                for line in ex.split("\n"):
                    line = line.removeprefix("~~ ")
                    if line and not line.isascii():
                        out.append(line)
    return sorted(set(out))


_TAIL = ["Teilen", "Поделиться", "Udostępnij", "Partager", "Κοινοποίηση", "Paylaş", "Поділитися",
         "© 2024 Verlag GmbH. Alle Rechte vorbehalten.", "Реклама", "Werbung", "Publicité", "Reklama"]
GATED = PLAIN = None


def _builtin_pair():
    global GATED, PLAIN
    if GATED is None:
        GATED, PLAIN = _pair()
    return GATED, PLAIN


def test_builtin_packs_on_lines_in_other_languages():
    gated, plain = _builtin_pair()
    lines = _pack_lines()
    assert len(lines) > 200
    r = random.Random(7)
    docs = []
    for _ in range(250):
        parts = []
        for _ in range(r.randint(2, 14)):
            x = r.random()
            if x < 0.45:
                parts.append(_variants(r, r.choice(lines)))
            elif x < 0.6:
                parts.append(r.choice(_TAIL))
            else:
                parts.append(r.choice(FILLER))
        sep = "\r\n" if r.random() < 0.15 else "\n"
        docs.append(("\ufeff" if r.random() < 0.1 else "") + sep.join(parts) + (sep if r.random() < 0.7 else ""))
    differ, removed = _differences(gated, plain, docs)
    assert not differ, differ[:3]
    assert removed > 200


ARTICLE = ["The mayor said the bridge will reopen in spring after repairs to its deck.",
           "Engineers found corrosion in two of the supports last year.",
           "Residents have used a ferry in the meantime, which doubled their commute."]
FURNITURE = ["Share this article", "Advertisement", "Sign up for our newsletter", "Related Articles",
             "© 2024 Example Media. All rights reserved.", "Leave a comment", "53 Comments", "Tags: bridge, city",
             "Follow us on Twitter", "Support our journalism", "Donate now", "Filed under: Local",
             "Jetzt spenden", "Подпишитесь на нашу рассылку", "Partager cet article", "Reklama",
             "Read more: The bridge's history", "Click here to subscribe", "Werbung", "Share:"]
SPANS = ["Subscribe to our newsletter for more. " + ARTICLE[0], ARTICLE[1] + " Advertisement"]


def test_documents_that_take_several_rounds():
    gated, plain = _builtin_pair()
    r = random.Random(11)
    docs = []
    for _ in range(300):
        parts = []
        if r.random() < 0.3:
            parts += r.sample(FURNITURE, r.randint(1, 3))  # furniture on the first lines
        parts += r.sample(ARTICLE, r.randint(0, 3))
        if r.random() < 0.2:
            parts.insert(r.randint(0, len(parts)), "<!-- nlcleaner: off -->")
            if r.random() < 0.7:
                parts.insert(r.randint(0, len(parts)), "<!-- nlcleaner: on -->")
        if r.random() < 0.2:
            parts.insert(r.randint(0, len(parts)), r.choice(SPANS))
        for _ in range(r.randint(1, 12)):  # a tail of furniture, blank lines between some
            parts.append(r.choice(FURNITURE))
            if r.random() < 0.3:
                parts.append("")
        if r.random() < 0.1:
            parts = [r.choice(FURNITURE) for _ in range(r.randint(3, 20))]  # all furniture: the guard holds
        sep = "\r\n" if r.random() < 0.2 else "\n"
        text = sep.join(parts) + (sep if r.random() < 0.6 else "")
        docs.append(("\ufeff" if r.random() < 0.15 else "") + text)
    differ, removed = _differences(gated, plain, docs)
    assert not differ, differ[:3]
    assert removed > 500
