"""veille: who said what, who is spoken of, and who did what to whom, from news web pages."""

__version__ = "0.1.0"
