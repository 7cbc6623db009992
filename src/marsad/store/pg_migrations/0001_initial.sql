-- marsad PostgreSQL schema v1: the same tables as the SQLite schema (store/migrations), with
-- every text column in the "C" collation so that ordering and comparisons are bytewise, as
-- in SQLite, and pagination returns the same rows in the same order on both backends.
CREATE TABLE articles (
    id TEXT COLLATE "C" PRIMARY KEY,
    -- Insertion order (a tie-break after the publication date); an identity column so that
    -- concurrent writers never hand out the same number.
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    source TEXT COLLATE "C" NOT NULL,
    outlet TEXT COLLATE "C",
    agencies_json TEXT NOT NULL DEFAULT '[]',
    title TEXT COLLATE "C",
    published TEXT COLLATE "C",
    language TEXT COLLATE "C" NOT NULL,
    text TEXT NOT NULL,
    parent_id TEXT COLLATE "C",
    url TEXT COLLATE "C"
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_seq ON articles(seq);
CREATE INDEX articles_recent ON articles(published DESC NULLS LAST, seq DESC);

CREATE TABLE mentions (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    role TEXT COLLATE "C",
    entity_id TEXT COLLATE "C",
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

-- quotes and claims keep ``idx``, their place in the document's list: equal starts read back
-- in the order they were written, as SQLite's rowid order gives.
CREATE TABLE quotes (
    id TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    speaker TEXT COLLATE "C",
    text TEXT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_mention INTEGER,
    speaker_entity_id TEXT COLLATE "C"
);
CREATE INDEX quotes_article ON quotes(article_id, start, idx);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

CREATE TABLE dates (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    expression TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    event TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE claims (
    id TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT COLLATE "C",
    qualifier TEXT COLLATE "C" NOT NULL,
    subject TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C",
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    date TEXT COLLATE "C",
    source_mention INTEGER,
    source_entity_id TEXT COLLATE "C",
    quote_id TEXT COLLATE "C"
);
CREATE INDEX claims_article ON claims(article_id, start, idx);
CREATE INDEX claims_source ON claims(source_entity_id);

CREATE TABLE entities (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    aliases_json TEXT NOT NULL,
    roles_json TEXT NOT NULL,
    mention_count INTEGER NOT NULL
);
CREATE INDEX entities_type ON entities(type, mention_count);

CREATE TABLE entity_aliases (
    entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT COLLATE "C" NOT NULL
);
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

CREATE TABLE stories (
    id TEXT COLLATE "C" PRIMARY KEY,
    label TEXT COLLATE "C" NOT NULL,
    first_seen TEXT COLLATE "C",
    last_seen TEXT COLLATE "C",
    size INTEGER NOT NULL,
    data_json TEXT NOT NULL
);
CREATE INDEX stories_last_seen ON stories(last_seen);
CREATE INDEX stories_size ON stories(size);

CREATE TABLE story_articles (
    story_id TEXT COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles(article_id);

CREATE TABLE story_entities (
    story_id TEXT COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, entity_id)
);
CREATE INDEX story_entities_entity ON story_entities(entity_id);

-- Key/value state; 'corpus_dirty' = '1' while articles were added after the last
-- corpus update (linking, stories), so a killed run's re-run knows to finish it.
CREATE TABLE meta (
    key TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
);
