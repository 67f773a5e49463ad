"""The NLP step: batching, order, languages without NLP, stage errors, pickling."""

from __future__ import annotations

import pickle

import pytest

from veille.article import Article
from veille.nlp import step as step_module
from veille.nlp.parsed import Parsed
from veille.nlp.step import NlpStep, analyse


def test_step_is_picklable_and_holds_no_model() -> None:
    step = NlpStep(actors_file=None, batch_size=4)
    assert pickle.loads(pickle.dumps(step)) == step


def test_unsupported_language_gets_one_error() -> None:
    flagged = Article("a", text="Hola", language="es")
    flagged.fail("language", "language 'es' is not supported")
    silent = Article("b", text="Ciao a tutti", language="it")
    empty = Article("c", text="")
    out = list(NlpStep()([flagged, silent, empty]))
    assert [a.source for a in out] == ["a", "b", "c"]
    assert [e.stage for e in out[0].errors] == ["language"]
    assert [e.stage for e in out[1].errors] == ["nlp"]
    assert "not available" in out[1].errors[0].message
    assert [e.stage for e in out[2].errors] == ["nlp"]


def test_quote_and_event_failures_stay_in_their_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> list:
        raise RuntimeError("broken rule")

    def fake(module: str, name: str) -> object:
        return boom

    monkeypatch.setattr(step_module, "_optional", fake)
    article = Article("x", text="Moscou accuse Washington.", language="fr")
    analyse(article, Parsed(article.text, "fr"))
    assert {a.id for a in article.actors} == {"country:RUS", "country:USA"}
    assert [e.stage for e in article.errors] == ["quotes", "events"]


def test_missing_quote_module_is_skipped() -> None:
    assert step_module._optional("veille.nlp.no_such_module", "x") is None


@pytest.mark.models
def test_batches_keep_order_across_languages() -> None:
    texts = [
        ("fr", "Moscou accuse Washington de provocation."),
        ("en", "NATO accused Russia of massing troops."),
        ("fr", "L'Otan a répondu à la Russie."),
    ]
    articles = [Article(f"s{n}", text=t, language=lang) for n, (lang, t) in enumerate(texts)]
    out = list(NlpStep(batch_size=2)(articles))
    assert [a.source for a in out] == ["s0", "s1", "s2"]
    assert [sorted(a.id for a in x.actors) for x in out] == [
        ["country:RUS", "country:USA"],
        ["country:RUS", "org:NATO"],
        ["country:RUS", "org:NATO"],
    ]
    assert not any(x.errors for x in out)
