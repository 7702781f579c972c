"""The index build: compact data (arrays, phrases on demand), per-word pinyin, and the paused collector."""

from __future__ import annotations

import gc
import marshal
import random
from array import array

import pytest
from pypinyin import Style, lazy_pinyin
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

from cs_companion.core.gcpause import gc_paused
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library
from cs_companion.core.search import SearchIndex
from cs_companion.core.search_build import Corpus, build_parts, script_phrases
from cs_companion.core.text import has_cjk, normalise, pinyin_forms
from cs_companion.storage.resources import builtin_library_dir


@pytest.fixture(scope="module")
def builtin() -> Library:
    library = load_path(builtin_library_dir(), Layer.BUILTIN).library
    assert library is not None
    return library


def pypinyin_forms(phrase: str) -> tuple[str, str]:
    """What pypinyin says for the whole phrase (the reference our per-word and per-character caching must match)."""
    if not has_cjk(phrase):
        return "", ""
    syllables = lazy_pinyin(phrase, style=Style.NORMAL, errors=lambda chars: list(chars))  # type: ignore[arg-type,return-value]
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def test_pinyin_matches_pypinyin_on_library_text_and_random_characters(builtin: Library) -> None:
    phrases = {"还没到", "银行卡", "重新发货", "长时间", "绿色", "一直", "ipad保护壳", "快递还没到账", "行李箱"}
    for script in builtin.scripts:
        phrases.update(normalise(text) for text in (script.title, *script.keywords, *script.examples))
    chars = [chr(code) for code in pinyin_dict if 0x4E00 <= code <= 0x9FFF]
    rng = random.Random(11)
    phrases.update("".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(3000))
    words = sorted(phrases_dict)
    phrases.update(rng.choice(words) + rng.choice(chars) + rng.choice(words) for _ in range(3000))  # 绿林, 银行...
    wrong = [p for p in phrases if pinyin_forms(p) != pypinyin_forms(p)]
    assert not wrong, wrong[:5]


def test_polyphones_keep_their_reading_in_words() -> None:
    assert pinyin_forms("还没到")[0] == "haimeidao"
    assert pinyin_forms("银行")[0] == "yinhang"
    assert pinyin_forms("绿林")[0] == pypinyin_forms("绿林")[0]


def test_script_phrases_on_demand_equal_what_the_build_used(builtin: Library) -> None:
    index = SearchIndex(builtin)
    parts = build_parts(builtin)
    for idx, script in enumerate(builtin.scripts):
        names = parts.scenario_names[parts.script_scenario[idx]]
        assert index._phrases[idx] == script_phrases(script, names)
        assert {p for p, _ in index._phrases[idx]} >= {normalise(script.title), *map(normalise, script.keywords)}


def test_index_keeps_integers_in_arrays_and_the_snapshot_state_is_marshal_safe(builtin: Library) -> None:
    index = SearchIndex(builtin)
    corpus = index._corpora["keyword"]
    assert isinstance(corpus.starts, array) and isinstance(corpus.owner_ids, array)
    assert all(isinstance(ids, array) for ids in index._postings.values())
    state = marshal.loads(marshal.dumps(index.state()))
    restored = SearchIndex.from_state(builtin, state)
    for query in ("物流", "wlyc", "我的快递三天了还没到，怎么回事"):
        assert [h.id for h in restored.search(query)] == [h.id for h in index.search(query)]


def test_corpus_owners_and_a_damaged_state_is_refused() -> None:
    corpus = Corpus([(0, "物流"), (1, "物流"), (1, "退款"), (2, "")])
    assert list(corpus.owners(0)) == [0, 1] and list(corpus.owners(1)) == [1]
    blob, starts, lengths, owners, ends = corpus.state()
    assert isinstance(starts, bytes)
    Corpus.from_state((blob, starts, lengths, owners, ends))
    with pytest.raises(ValueError):
        Corpus.from_state((blob + "x", starts, lengths, owners, ends))
    with pytest.raises(ValueError):
        Corpus.from_state((blob, starts, lengths, owners[:-4], ends))
    with pytest.raises(TypeError):
        Corpus.from_state((blob, list(corpus.starts), lengths, owners, ends))


def test_gc_paused_restores_the_collector_and_nests() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("a failed build")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_segment_cuts_exactly_as_pypinyin_does() -> None:
    """Our segmentation (pinyin_seg) must give pypinyin's words: runs of prefixes without a word, mixed scripts."""
    from pypinyin.seg.simpleseg import seg

    from cs_companion.core import pinyin_seg

    assert pinyin_seg._PREFIXES is not None  # the fast path is the one under test
    rng = random.Random(5)
    chars = [chr(code) for code in pinyin_dict if 0x4E00 <= code <= 0x9FFF]
    words = sorted(phrases_dict)
    phrases = ["", "ipad保护壳", "绿林好汉ab中国人民银行x", "〇", "1号", "é中"]
    for _ in range(4000):
        parts = [rng.choice(words) if rng.random() < 0.5 else rng.choice(chars) for _ in range(rng.randint(1, 5))]
        parts.insert(rng.randint(0, len(parts)), rng.choice(["", "ab", "1", "é"]))
        phrase = "".join(parts)
        phrases.append(phrase[rng.randint(0, len(phrase) - 1) :])
    # Word beginnings glued together: the rest of a run is all prefix but holds no word.
    pairs = zip(words[::40], words[7::40], strict=False)
    phrases += [a[: rng.randint(1, len(a))] + b[: rng.randint(1, len(b))] for a, b in pairs]
    wrong = [p for p in phrases if pinyin_seg.segment(p) != list(seg(p))]
    assert not wrong, wrong[:5]
