"""Actors: who an article speaks of (countries, organisations, people), resolved across it."""

from veille.nlp.actors.gazetteer import Gazetteer, load_gazetteer
from veille.nlp.actors.lookup import ArticleActors
from veille.nlp.actors.resolve import resolve_actors

__all__ = ["ArticleActors", "Gazetteer", "load_gazetteer", "resolve_actors"]
