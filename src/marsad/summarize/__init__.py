"""Story summaries and timelines: extractive, every sentence cites its article.

``terms`` holds the light-stemmed TF-IDF helpers that story clustering shares.
"""

from marsad.summarize._summary import summarize
from marsad.summarize._timeline import timeline

__all__ = ["summarize", "timeline"]
