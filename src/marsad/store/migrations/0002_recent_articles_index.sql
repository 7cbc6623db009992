-- The newest-first article listing (web UI, API) reads this index instead of sorting
-- whole rows, text included (measured: 100-380 ms a page at 3,000 articles without it).
CREATE INDEX articles_recent ON articles(published DESC, seq DESC);
