"""`nlcleaner learn`: recurring tail lines of each source become source-scoped rules; article text stays."""

from __future__ import annotations

import json
import random
import tomllib
from pathlib import Path

import pytest

from nlcleaner import Cleaner
from nlcleaner.learn import LearnOptions, ReadOptions, check_pack, learn
from nlcleaner.learn.fold import fold
from nlcleaner.settings import Settings

WORDS = (
    "council harbour budget river school winter market bridge station library festival tenant orchard factory "
    "museum clinic stadium ferry tram garden archive courthouse pension quarry vineyard airport highway canal "
    "mayor engineer farmer teacher nurse pilot judge baker miner sailor student reporter architect chemist "
    "approved delayed rebuilt questioned celebrated reopened expanded measured reviewed announced doubled sold"
).split()
QUOTE = "“We will not back down on this, not now and not ever,” the mayor told the crowd outside the hall."

SOURCES = {
    "https://www.dailyplanet.example/news/": [
        "Subscribe to the Daily Planet newsletter for the top stories every morning.",
        "You've read {n} of 10 free articles this month.",
        "© Daily Planet Media. All rights reserved.",
    ],
    "https://gazette.example.org/story/": [
        "Follow the Gazette on Mastodon and Bluesky for live updates",
        "Share this story",
    ],
    "http://tribune.example.com/a/": [
        "**Got a tip? Write to the Tribune newsroom at tips@tribune.example.com**",
        "About the Tribune\nThe Tribune is an independent, reader-funded newsroom.\nSupport our reporting at tribune.example.com/give",
    ],
}


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 16))]
    return " ".join(words).capitalize() + "."


def build_corpus(articles: int = 10, seed: int = 7) -> list[dict]:
    """Records of three sources: distinct bodies, each source's own tail lines, a quote in two bodies of one source,
    a small fourth source, and one article repeated under the same id."""
    rng = random.Random(seed)
    records = []
    for base, tail in SOURCES.items():
        for a in range(articles):
            body = [_sentence(rng) for _ in range(rng.randint(5, 8))]
            if base.startswith("https://www.dailyplanet") and a in (2, 5):
                body.insert(2, QUOTE)
            lines = body + [t.format(n=rng.randint(1, 12)) for t in tail]
            text = "\n\n".join(lines) + "\n"
            records.append({"id": f"{base}{a}", "url": f"{base}{a}.html", "text": text})
    for a in range(3):  # too few documents to learn from
        text = "\n".join([_sentence(rng) for _ in range(5)] + ["Small site footer line here"]) + "\n"
        records.append({"id": f"small-{a}", "url": f"https://small.example.net/{a}", "text": text})
    dup = {"id": "dup", "url": "https://gazette.example.org/story/dup.html",
           "text": "\n".join(_sentence(rng) for _ in range(6)) + "\nShare this story\n"}
    records += [dict(dup) for _ in range(7)]
    return records


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def options(**kw) -> LearnOptions:
    return LearnOptions(read=ReadOptions(source_field="url"), **kw)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    records = build_corpus()
    write_jsonl(folder / "corpus.jsonl", records)
    return folder / "corpus.jsonl", records


@pytest.fixture(scope="module")
def learned(corpus, tmp_path_factory):
    path, _ = corpus
    result = learn([path], options())
    pack = tmp_path_factory.mktemp("pack") / "learned.toml"
    pack.write_text(result.pack, encoding="utf-8")
    return result, pack


def _lines_of(rule) -> list[str]:
    return rule.get("phrases") or [rule["pattern"]]


def test_learn_finds_each_tail_scoped_to_its_source(learned):
    result, pack = learned
    data = tomllib.loads(pack.read_text(encoding="utf-8"))
    rules = data["rule"]
    by_source: dict = {}
    for r in rules:
        assert r["id"].startswith("learned.")
        assert r["position"] == "tail"
        by_source.setdefault(r["source"], []).append(r)
    assert set(by_source) == {"dailyplanet.example", "gazette.example.org", "tribune.example.com"}
    found = {s: {fold(x)[1] for r in rs for x in r.get("phrases", [])} for s, rs in by_source.items()}
    assert fold(SOURCES["https://www.dailyplanet.example/news/"][0])[1] in found["dailyplanet.example"]
    assert fold("Share this story")[1] in found["gazette.example.org"]
    assert [r["kind"] for r in by_source["tribune.example.com"]] == ["phrase", "phrase"]
    # a recurring paragraph is one rule holding its lines (not one rule per line)
    assert sorted(len(r["phrases"]) for r in by_source["tribune.example.com"]) == [1, 3]
    # the line whose digits vary is one pattern rule
    patterns = [r for r in by_source["dailyplanet.example"] if r["kind"] == "pattern"]
    assert len(patterns) == 1 and r"\d+" in patterns[0]["pattern"]
    assert len(rules) == 7
    assert all(r["id"].startswith("learned.dailyplanet-example-") for r in by_source["dailyplanet.example"])


def test_learned_pack_loads_and_its_examples_pass(learned):
    result, pack = learned
    assert check_pack(result.pack) == []
    assert result.dropped == []
    data = tomllib.loads(result.pack)
    for r in data["rule"]:
        assert 1 <= len(r["examples"]["remove"]) <= 3
        assert "~~ " in r["examples"]["remove"][0]
    # nothing about the run: no paths, times or versions
    assert "corpus.jsonl" not in result.pack and "/" not in result.pack.split("[pack]")[0].replace("`", "")


def test_cleaning_with_the_pack_removes_tails_and_keeps_articles(learned, corpus):
    _, pack = learned
    _, records = corpus
    cleaner = Cleaner(Settings(builtin=False, rules=(str(pack),)))
    quote_seen = 0
    for rec in records:
        result = cleaner.clean(rec["text"], source=rec["url"])
        kept = [x for x in result.text.split("\n") if x.strip()]
        gone = {r.text.strip() for r in result.removals}
        assert all(r.rule.startswith("learned.") for r in result.removals)
        for base, tail in SOURCES.items():
            if rec["url"].startswith(base) and rec["id"] != "dup":
                assert len(gone) == len(tail), rec["url"]
                assert not any(fold(k)[1] == fold(t)[1] for k in kept for x in tail for t in x.split("\n"))
        if rec["url"].startswith("https://small."):
            assert not result.removals
        quote_seen += QUOTE in kept
    assert quote_seen == 2


def test_source_scope_holds_at_clean_time(learned, corpus):
    _, pack = learned
    _, records = corpus
    cleaner = Cleaner(Settings(builtin=False, rules=(str(pack),)))
    text = records[0]["text"]
    assert cleaner.clean(text, source=records[0]["url"]).removals
    assert not cleaner.clean(text).removals
    assert not cleaner.clean(text, source="https://elsewhere.example/x").removals


def test_duplicates_of_one_document_count_once(learned, corpus):
    result, _ = learned
    _, records = corpus
    dup = next(r for r in records if r["id"] == "dup")
    body = {fold(x)[1] for x in dup["text"].split("\n") if x.strip() and x != "Share this story"}
    assert not body & {f.folded for f in result.findings}


def test_shuffled_split_input_gives_the_identical_pack(learned, corpus, tmp_path):
    result, _ = learned
    _, records = corpus
    shuffled = list(records)
    random.Random(99).shuffle(shuffled)
    a = write_jsonl(tmp_path / "b.jsonl", shuffled[:25])
    b = write_jsonl(tmp_path / "a.jsonl", shuffled[25:])
    assert learn([b, a], options()).pack == result.pack
    assert learn([a, b], options(jobs=2)).pack == result.pack


def test_a_small_cap_keeps_memory_bounded_and_the_pack_identical(corpus, tmp_path):
    path, records = corpus
    shuffled = list(records)
    random.Random(3).shuffle(shuffled)
    other = write_jsonl(tmp_path / "s.jsonl", shuffled)
    # a source offers 5 recurring lines and paragraphs: with room for 5 the findings are those of a roomy run
    small = options(cap=5, sketch_width=1 << 10)
    first = learn([path], small)
    assert first.pack == learn([other], small).pack
    assert {f.folded for f in first.findings} == {f.folded for f in learn([path], options()).findings}
    # with less room some are left out, but which ones still does not depend on the order
    tiny = options(cap=2, sketch_width=1 << 10)
    squeezed = learn([path], tiny)
    assert squeezed.pack == learn([other], tiny).pack
    assert all(len(g.items) <= 2 for g in squeezed.corpus.groups.values())
    assert all(len(i.by_text.items) <= 64 for g in first.corpus.groups.values() for i in g.items.values())


def test_plain_files_are_grouped_by_folder(tmp_path):
    records = build_corpus(articles=8)
    for i, rec in enumerate(records):
        host = rec["url"].split("/")[2].removeprefix("www.")
        folder = tmp_path / host
        folder.mkdir(exist_ok=True)
        (folder / f"{i:03d}.txt").write_text(rec["text"], encoding="utf-8")
    result = learn([tmp_path], LearnOptions())
    sources = {f.group for f in result.findings}
    assert sources == {"dailyplanet.example", "gazette.example.org", "tribune.example.com"}


def test_without_a_source_field_the_corpus_is_one_unscoped_group(corpus):
    path, _ = corpus
    result = learn([path], LearnOptions(min_share=0.05, short_min_share=0.05))
    assert {f.group for f in result.findings} == {""}
    assert "source =" not in result.pack


def test_cli_learn_writes_the_pack_and_a_summary(corpus, learned, tmp_path):
    from typer.testing import CliRunner

    from nlcleaner.cli import commands  # noqa: F401
    from nlcleaner.cli.app import app

    path, _ = corpus
    out = tmp_path / "learned.toml"
    res = CliRunner().invoke(app, ["learn", "--source-field", "url", str(path), "-o", str(out), "--summary"])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8") == learned[0].pack
    assert "learned.gazette-example-org-1" in res.output  # the summary table (stderr is mixed in by the runner)
    res = CliRunner().invoke(app, ["learn", "-"])
    assert res.exit_code == 2


def test_cli_clean_with_the_learned_pack_names_its_rules(corpus, learned, tmp_path):
    from typer.testing import CliRunner

    from nlcleaner.cli import commands  # noqa: F401
    from nlcleaner.cli.app import app

    path, records = corpus
    _, pack = learned
    out, report = tmp_path / "clean.jsonl", tmp_path / "report.jsonl"
    res = CliRunner().invoke(app, [
        "clean", "--isolated", "--rules", str(pack), "--select", "learned", "--source-field", "url",
        "-o", str(out), "--report", str(report), str(path),
    ])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]
    rules = {r["rule"] for d in lines if d["type"] == "document" for r in d["removals"]}
    assert rules == {f"learned.dailyplanet-example-{i}" for i in (1, 2, 3)} | {
        "learned.gazette-example-org-1", "learned.gazette-example-org-2", "learned.tribune-example-com-1",
        "learned.tribune-example-com-2"}
    cleaned = [json.loads(x)["text"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert sum(QUOTE in t for t in cleaned) == 2
    assert not any("Share this story" in t for t in cleaned)
    res = CliRunner().invoke(app, ["rules", "test", str(pack)])
    assert res.exit_code == 0, res.output


def _wet_record(url: str, text: str) -> bytes:
    block = text.encode("utf-8")
    head = (f"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode("ascii")
    return head + block + b"\r\n\r\n"


def test_parquet_and_wet_inputs_give_the_same_pack_as_jsonl(corpus, learned, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    _, records = corpus
    table = pa.table({k: [r[k] for r in records] for k in ("id", "url", "text")})
    pq.write_table(table, tmp_path / "corpus.parquet")
    assert learn([tmp_path / "corpus.parquet"], options()).pack == learned[0].pack
    # WET: the record's target URI is its source and its key (the id field plays no part)
    (tmp_path / "corpus.warc.wet").write_bytes(b"".join(_wet_record(r["url"], r["text"]) for r in records))
    wet = learn([tmp_path / "corpus.warc.wet"], LearnOptions())
    assert {f.group for f in wet.findings} == {"dailyplanet.example", "gazette.example.org", "tribune.example.com"}
    assert [f.folded for f in wet.findings] == [f.folded for f in learned[0].findings]


def test_folding_counts_digit_and_punctuation_variants_together():
    from nlcleaner.kinds.line_match import LineMatcher, LineView
    from nlcleaner.learn.fold import pattern_for, tokens

    a, b = fold("You've read 3 articles"), fold("**You’ve read 12 articles.**")
    assert a[1] == b[1] == "you ve read 0 articles"
    pattern = pattern_for([tokens(a[0]), tokens(b[0])], exhaustive=True)
    m = LineMatcher({"pattern": pattern, "on": "normalised", "anchors": ("articles",)}, "learned.x-1", user=True)
    for line in ("You've read 7 articles", "YOU'VE READ 250 ARTICLES!", "> You’ve read 1 articles"):
        assert m.match(LineView(line)), line
    for line in ("You've read many articles", "You've read 3 articles about the mayor"):
        assert not m.match(LineView(line)), line


def test_awkward_characters_survive_the_pack(tmp_path):
    tricky = 'Tip: "quotes", a back\\slash, C:\\path, a tab\there, """triple""" and \'single\' — all kept'
    rng = random.Random(5)
    records = [{"id": i, "url": f"https://odd.example/{i}",
                "text": "\n".join([_sentence(rng) for _ in range(6)] + [tricky]) + "\n"} for i in range(6)]
    path = write_jsonl(tmp_path / "odd.jsonl", records)
    result = learn([path], options())
    assert check_pack(result.pack) == []
    rules = tomllib.loads(result.pack)["rule"]
    assert [r["phrases"] for r in rules] == [[tricky]]
    cleaner = Cleaner(Settings(builtin=False, rules=(str(_save(tmp_path, result.pack)),)))
    assert cleaner.clean(records[0]["text"], source="odd.example").text.count("\n") == 6


def test_a_corpus_without_recurring_lines_gives_an_empty_valid_pack(tmp_path):
    rng = random.Random(11)
    records = [{"id": i, "url": f"https://plain.example/{i}", "text": "\n".join(_sentence(rng) for _ in range(6))}
               for i in range(8)]
    result = learn([write_jsonl(tmp_path / "plain.jsonl", records)], options())
    assert result.findings == [] and check_pack(result.pack) == []
    assert tomllib.loads(result.pack)["pack"]["name"] == "learned"


def _save(folder: Path, text: str) -> Path:
    path = folder / "pack.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_byte_ranges_of_one_file_read_every_record_once(corpus, tmp_path):
    from nlcleaner.learn.inputs import Unit, read_unit, split

    path, records = corpus
    whole = Unit(str(path), "jsonl")
    ranges = split(whole, 7, min_bytes=64)
    assert len(ranges) == 7 and ranges[0].start == 0 and ranges[-1].end == path.stat().st_size
    got = [doc for r in ranges for doc in read_unit(r, ReadOptions(source_field="url"))]
    assert sorted(got) == sorted(read_unit(whole, ReadOptions(source_field="url")))
    assert len(got) == len(records)


def test_jobs_on_one_file_cut_into_ranges_give_the_same_pack(corpus, learned, monkeypatch):
    import nlcleaner.learn.inputs as inputs

    path, _ = corpus
    monkeypatch.setattr(inputs, "SPLIT_MIN_BYTES", 512)
    assert learn([path], options(jobs=2)).pack == learned[0].pack


def test_hosts_with_one_slug_get_distinct_ids(tmp_path):
    rng = random.Random(2)
    records = []
    for host in ("a-b.example", "a.b-example"):
        for i in range(6):
            text = "\n".join([_sentence(rng) for _ in range(6)] + [f"Read more stories from {host} every day"]) + "\n"
            records.append({"id": f"{host}{i}", "url": f"https://{host}/{i}", "text": text})
    result = learn([write_jsonl(tmp_path / "c.jsonl", records)], options())
    ids = [f.id for f in result.findings]
    assert len(ids) == 2 and len(set(ids)) == 2 and check_pack(result.pack) == []


def test_head_and_body_furniture_get_their_positions(tmp_path):
    rng = random.Random(21)
    records = []
    for i in range(12):
        body = [_sentence(rng) for _ in range(10)]
        if i % 2 == 0:
            body.insert(5, "ADVERTISEMENT")
        lines = ["Skip to main content of the Courier"] + body
        records.append({"id": i, "url": f"https://courier.example/{i}", "text": "\r\n".join(lines) + "\r\n"})
    result = learn([write_jsonl(tmp_path / "c.jsonl", records)], options())
    assert check_pack(result.pack) == []
    where = {f.line: f.position for f in result.findings}
    assert where == {"Skip to main content of the Courier": "head", "ADVERTISEMENT": "anywhere"}
    cleaner = Cleaner(Settings(builtin=False, rules=(str(_save(tmp_path, result.pack)),)))
    for rec in records:
        out = cleaner.clean(rec["text"], source=rec["url"]).text
        assert out.count("\r\n") == 10 and "ADVERTISEMENT" not in out and "Skip to" not in out


KNOWN_PACK = '''
[pack]
name = "known"

[[rule]]
id = "social.test-share-story"
kind = "phrase"
why = "A share prompt."
phrases = ["Share this story"]

[rule.examples]
remove = ["Text.\\n~~ Share this story\\n"]
keep = ["We share this story with you."]
'''


def test_lines_the_packs_already_remove_are_noted_or_left_out(corpus, tmp_path):
    path, _ = corpus
    known = tmp_path / "known.toml"
    known.write_text(KNOWN_PACK, encoding="utf-8")
    cleaner = Cleaner(Settings(builtin=False, rules=(str(known),)))
    noted = learn([path], options(), known_by=cleaner)
    share = [f for f in noted.findings if f.line == "Share this story"]
    assert len(share) == 1 and share[0].known == ("social.test-share-story",)
    assert "# already removed by social.test-share-story\n" in noted.pack
    assert sum(bool(f.known) for f in noted.findings) == 1
    skipped = learn([path], options(), known_by=cleaner, skip_known=True)
    assert [f.line for f in skipped.findings] == [f.line for f in noted.findings if not f.known]
    assert check_pack(skipped.pack) == []
    assert [f.id for f in skipped.findings if f.group == "gazette.example.org"] == ["learned.gazette-example-org-1"]


def test_a_real_process_with_jobs_writes_the_same_pack(corpus, learned, tmp_path):
    import subprocess
    import sys

    path, _ = corpus
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(path.read_bytes())  # every document twice: copies count once
    out = tmp_path / "p.toml"
    proc = subprocess.run(
        [sys.executable, "-m", "nlcleaner", "learn", "--isolated", "--source-field", "url", "-j", "2", "-o", str(out),
         str(path), str(copy)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8") == learned[0].pack
    assert "7 rules for 3 sources" in proc.stderr


def test_shared_article_structure_is_not_proposed(tmp_path):
    rng = random.Random(4)
    records = []
    for i in range(8):
        lines = [_sentence(rng) for _ in range(4)] + ["## 🏁 Conclusion", _sentence(rng), "Thanks for visiting the Review Hub"]
        records.append({"id": i, "url": f"https://reviewhub.example/{i}", "text": "\n\n".join(lines) + "\n"})
    result = learn([write_jsonl(tmp_path / "c.jsonl", records)], options())
    assert [f.line for f in result.findings] == ["Thanks for visiting the Review Hub"]


def test_cli_json_findings(corpus, tmp_path):
    from typer.testing import CliRunner

    from nlcleaner.cli import commands  # noqa: F401
    from nlcleaner.cli.app import app

    path, _ = corpus
    res = CliRunner().invoke(app, ["learn", "--isolated", "-q", "--source-field", "url", "--output-format", "json",
                                   "-o", str(tmp_path / "l.toml"), str(path)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["documents"] == len(corpus[1]) and len(data["rules"]) == 7
    assert {r["source"] for r in data["rules"]} == {"dailyplanet.example", "gazette.example.org", "tribune.example.com"}
    res = CliRunner().invoke(app, ["learn", "--output-format", "json", str(path)])
    assert res.exit_code == 2


def test_a_saturated_sketch_costs_time_not_findings(corpus, learned):
    path, _ = corpus
    crowded = learn([path], options(sketch_width=16))
    assert crowded.corpus.saturation > 0.5
    assert crowded.pack == learned[0].pack
    assert learned[0].corpus.saturation < 0.05


def test_lines_a_pack_cannot_hold_are_not_counted(tmp_path):
    rng = random.Random(8)
    records = [{"id": i, "url": f"https://s.example/{i}",
                "text": "\n".join([_sentence(rng) for _ in range(6)] + ["Bad \ud800 surrogate line here", "Nul \x00 and \x1b escape line"])}
               for i in range(6)]
    result = learn([write_jsonl(tmp_path / "c.jsonl", records)], options())
    assert [f.line for f in result.findings] == ["Nul \x00 and \x1b escape line"]
    assert check_pack(result.pack) == []
