"""Small realistic pages built in tests (original text), for cases no fixture file should hold."""

from __future__ import annotations

PARAGRAPHS_FR = [
    "Les ministres des Affaires étrangères de l'Union européenne se sont réunis lundi à Luxembourg "
    "pour examiner un nouveau train de mesures destiné à soutenir la reconstruction des réseaux "
    "électriques endommagés au cours de l'hiver.",
    "« Nous devons agir vite, avant que les températures ne chutent de nouveau », a déclaré la "
    "présidente de séance, Hélène Marchetti, à l'issue d'une matinée de discussions jugées "
    "constructives par plusieurs délégations.",
    "Selon un diplomate présent, les Vingt-Sept ne sont toutefois pas parvenus à s'entendre sur le "
    "financement à long terme du programme, que plusieurs capitales jugent trop coûteux.",
    "Une nouvelle réunion est prévue le mois prochain à Bruxelles, où la Commission présentera un "
    "calendrier détaillé et une estimation révisée des besoins.",
]
PARAGRAPHS_DE = [
    "Die Außenminister der Europäischen Union haben sich am Montag in Luxemburg getroffen, um über "
    "neue Maßnahmen zur Unterstützung des Wiederaufbaus der beschädigten Stromnetze zu beraten.",
    "„Wir müssen schnell handeln, bevor die Temperaturen wieder fallen“, sagte die Vorsitzende der "
    "Sitzung nach einem Vormittag mit Gesprächen, die mehrere Delegationen als konstruktiv bezeichneten.",
    "Eine weitere Sitzung ist für den kommenden Monat in Brüssel geplant, wo die Kommission einen "
    "detaillierten Zeitplan und eine überarbeitete Schätzung des Bedarfs vorlegen wird.",
]


def article_page(
    title: str = "Les Vingt-Sept au chevet des réseaux électriques",
    paragraphs: list[str] | None = None,
    lang: str = "fr",
    date: str = "2026-03-16",
    charset: str = "utf-8",
    serial: int = 0,
) -> str:
    """A news page with the usual chrome around an article body."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS_FR))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}">
<title>{title} – L'Écho du Matin</title>
<meta property="og:site_name" content="L'Écho du Matin">
<meta property="article:published_time" content="{date}T08:30:00+01:00">
<link rel="canonical" href="https://echo-du-matin.example/monde/{serial}-article">
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/eco">Économie</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">Par Claire Vasseur</p>
{body}
</article>
<aside><h3>Les plus lus</h3><ul><li><a href="/1">Un autre titre sans rapport</a></li></ul></aside>
</main><footer><p>© 2026 L'Écho du Matin. Tous droits réservés.</p></footer>
</body></html>
"""
