"""dateline: news pages in, coded events out — who did what to whom, when, where,
and according to whom, each answer traced to its sentence."""

__version__ = "0.1.0"
