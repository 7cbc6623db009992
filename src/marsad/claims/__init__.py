"""Numeric claims stage: quantities asserted in an article, with qualifier, unit and source.

Qualifier phrases, units and currencies, attribution phrases and the rules for numbers
that are not claims (dates, model numbers, labels) are tables in ``claims/data/``.
"""

from marsad.claims.extract import extract_claims

__all__ = ["extract_claims"]
