"""The cleaner: scraped text in, clean articles out (rules in ``clean/data/*.tsv``).

See docs/architecture.md for where it sits in the pipeline.
"""

from marsad.clean.cleaner import article_id, clean

__all__ = ["article_id", "clean"]
