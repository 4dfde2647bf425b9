"""The pure API under the engines that scale it out: one Cleaner shared by many threads, Cleaners pickled to other
processes (pickle, dill), results pickled back; the same document gives the same bytes every way."""

from __future__ import annotations

import multiprocessing
import pickle
import random
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import nlcleaner
import nlcleaner.document
from nlcleaner import Cleaner, Settings

from conftest import quick_gate

ARTICLE = [
    "The council voted on Tuesday to close the bridge for repairs.",
    "Work is expected to take six months, officials said.",
    "Residents asked whether buses would run during the closure.",
    "Die Stadt plant neue Radwege entlang der Straße.",
    "Le maire a annoncé un nouveau budget pour les écoles.",
    "Readers who donate to charities should check the tax rules, the report said.",
    "The newsletter industry has grown fast, analysts wrote.",
]
FURNITURE = [
    "Sign up for our daily newsletter",
    "© 2024 Example News. All rights reserved.",
    "Share this article",
    "Melden Sie sich für unseren Newsletter an",
    "Inscrivez-vous à notre newsletter",
    "This material may not be published, broadcast, rewritten or redistributed.",
]


def corpus(n: int = 240, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs = ["", "\n", "Sign up for our daily newsletter\n", "\ufeffShare this article\r\n"]
    while len(docs) < n:
        lines = [rng.choice(ARTICLE) for _ in range(rng.randint(1, 8))]
        for _ in range(rng.randint(0, 3)):
            lines.insert(rng.randint(len(lines) // 2, len(lines)), rng.choice(FURNITURE))
        if rng.random() < 0.3:
            lines.insert(rng.randint(0, len(lines)), "")
        newline = "\r\n" if rng.random() < 0.2 else "\n"
        text = newline.join(lines) + (newline if rng.random() < 0.8 else "")
        if rng.random() < 0.1:
            text = text.replace("Straße", "STRASSE ß \udcff")  # case folding that changes length; an undecodable byte
        docs.append(text)
    return docs


DOCS = corpus()


@pytest.fixture(scope="module")
def baseline():
    cleaner = Cleaner()
    results = [cleaner.clean(t) for t in DOCS]
    assert sum(r.changed for r in results) > len(DOCS) // 3  # the corpus does exercise the rules
    return results


def same(a, b) -> bool:
    return a.text == b.text and a.removals == b.removals and a.flags == b.flags and a.held == b.held


def test_one_cleaner_many_threads(baseline):
    cleaner = Cleaner()
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads as often as possible, so unsafe shared state would show
    try:
        def work(seed):
            order = list(range(len(DOCS)))
            random.Random(seed).shuffle(order)
            return {i: cleaner.clean(DOCS[i]) for i in order}

        with ThreadPoolExecutor(4) as pool:
            runs = list(pool.map(work, range(4)))
    finally:
        sys.setswitchinterval(old)
    for run in runs:
        assert all(same(run[i], baseline[i]) for i in range(len(DOCS)))


def test_module_level_clean_from_threads(baseline):
    errors = []
    barrier = threading.Barrier(4)

    def work():
        barrier.wait()  # first calls race to build the cached Cleaner for a new Settings
        for i, text in enumerate(DOCS[:60]):
            if not same(nlcleaner.clean(text, guard=0.61), nlcleaner.clean(text, guard=0.61)):
                errors.append(i)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_cleaner_pickles_as_its_settings(tmp_path, baseline):
    import dill

    with quick_gate():  # (a rule set of its own: see quick_gate)
        cleaner = Cleaner(ignore=("social",))
        for dumps, loads in ((pickle.dumps, pickle.loads), (dill.dumps, dill.loads)):
            blob = dumps(cleaner)
            assert len(blob) < 2048
            copy = loads(blob)
            assert copy.settings == cleaner.settings and copy.packs_hash == cleaner.packs_hash
            assert [r.id for r in copy.rules] == [r.id for r in cleaner.rules]
            for text in DOCS[:40]:
                assert same(copy.clean(text), cleaner.clean(text))
    # results and records travel back from workers
    result = baseline[4] if baseline[4].changed else next(r for r in baseline if r.changed)
    assert same(pickle.loads(pickle.dumps(result)), result)
    assert pickle.loads(pickle.dumps(Settings(select=("donation",)))) == Settings(select=("donation",))


def _clean_bytes(args):
    cleaner, data = args
    return cleaner.clean_bytes(data)[0]


def test_same_bytes_in_other_processes(baseline):
    cleaner = Cleaner()
    payloads = [nlcleaner.document.encode(t) for t in DOCS]
    expected = [nlcleaner.document.encode(r.text) for r in baseline]
    assert [cleaner.clean_bytes(p)[0] for p in payloads] == expected
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        results = list(pool.map(nlcleaner.clean, DOCS, chunksize=40))
        raw = list(pool.map(_clean_bytes, [(cleaner, p) for p in payloads[:40]], chunksize=20))
    assert all(same(a, b) for a, b in zip(results, baseline))
    assert raw == expected[:40]
