"""Quotations: who said what, as direct quotes and reported speech with their speakers.

Reporting verbs, complementisers and quotation marks are tables in ``quotes/data/``.
"""

from marsad.quotes._extract import extract_quotes

__all__ = ["extract_quotes"]
