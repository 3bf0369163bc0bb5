"""hallq core: configuration, database, queue engine, change feed, reports. No Qt here."""

__version__ = "0.1.0"
