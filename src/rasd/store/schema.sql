-- rasd store schema (DuckDB). One row set per document; a document's rows are replaced in one
-- transaction when its text changes, and left alone when the same text is ingested again.
-- Offsets are character offsets into documents.text (end exclusive), as in record-format.md.

CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,      -- sha1 of start time + inputs, derived, never random
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    rasd_version  VARCHAR NOT NULL,
    inputs        VARCHAR[] NOT NULL,
    read          INTEGER DEFAULT 0,        -- items read
    coded         INTEGER DEFAULT 0,        -- documents coded and stored (new or changed)
    unchanged     INTEGER DEFAULT 0,        -- documents already stored with the same text
    skipped       INTEGER DEFAULT 0,        -- documents not coded (not Arabic), still stored
    errors        INTEGER DEFAULT 0,        -- problems (bad items)
    events        INTEGER DEFAULT 0
);
-- documents already stored and not compared (ingest --resume); added after the first stores were made
ALTER TABLE runs ADD COLUMN IF NOT EXISTS resumed INTEGER DEFAULT 0;

CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR PRIMARY KEY,
    text_sha1         VARCHAR NOT NULL,     -- sha1 of text: same id + same hash = nothing to do
    url               VARCHAR,
    title             VARCHAR,
    source            VARCHAR,
    published         VARCHAR,              -- YYYY-MM-DD or NULL
    published_source  VARCHAR,
    dateline_place    VARCHAR,
    dateline_date     VARCHAR,
    dateline_agency   VARCHAR,
    dateline_start    INTEGER,
    dateline_end      INTEGER,
    language          VARCHAR NOT NULL,
    flags             VARCHAR[] NOT NULL,
    duplicate_of      VARCHAR,              -- doc_id of an earlier near-duplicate (MinHash), else NULL
    text              VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,
    -- Added by store/duplicates.py: the LSH band keys of the text's MinHash (one BIGINT per band), so
    -- that a new document is compared only with stored documents sharing a band, without keeping an
    -- index in memory between runs. NULL for near-duplicates: only originals are candidates.
    minhash_bands     BIGINT[]
);

CREATE TABLE IF NOT EXISTS people (
    doc_id      VARCHAR NOT NULL,
    person_no   INTEGER NOT NULL,            -- order of first mention in the document, from 1
    name        VARCHAR NOT NULL,
    name_ar     VARCHAR,
    country     VARCHAR,
    role        VARCHAR,
    entity_id   VARCHAR,
    PRIMARY KEY (doc_id, person_no)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id      VARCHAR NOT NULL,
    person_no   INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, person_no, start)
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,     -- "<doc_id>-e<n>"
    doc_id          VARCHAR NOT NULL,
    type            VARCHAR NOT NULL,        -- PLOVER type
    mode            VARCHAR,
    contexts        VARCHAR[],
    source          VARCHAR NOT NULL,        -- actor code (CHN, UN, YEM-REB)
    target          VARCHAR NOT NULL,
    joint           BOOLEAN NOT NULL,
    source_name     VARCHAR,
    source_text     VARCHAR,
    source_start    INTEGER,
    source_end      INTEGER,
    target_name     VARCHAR,
    target_text     VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    date            VARCHAR,                 -- YYYY-MM-DD, YYYY-MM, YYYY or NULL
    date_precision  VARCHAR,
    date_text       VARCHAR,
    day             DATE,                    -- date when precision is day, for ranges and stories
    place_name      VARCHAR,
    place_country   VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    cameo           VARCHAR NOT NULL,
    goldstein       DOUBLE NOT NULL,
    quad_class      INTEGER NOT NULL,
    plover_score    DOUBLE NOT NULL,
    trigger         VARCHAR NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    sentence        VARCHAR NOT NULL,        -- the evidence sentence as text
    evidence        INTEGER[][] NOT NULL,    -- every sentence stating the fact: [[start, end], ...]
    confidence      DOUBLE NOT NULL,
    rule            VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS partnerships (
    doc_id          VARCHAR NOT NULL,
    partnership_no  INTEGER NOT NULL,
    a               VARCHAR NOT NULL,
    b               VARCHAR NOT NULL,
    level           VARCHAR NOT NULL,
    rank            INTEGER NOT NULL,
    change          VARCHAR NOT NULL,
    date            VARCHAR,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, partnership_no)
);

-- Stories: the same (type, pair, day) reported by several documents is one story event. Rebuilt from
-- events after every ingest (store/stories.py); near-duplicate documents count once.
CREATE TABLE IF NOT EXISTS stories (
    story_id      VARCHAR PRIMARY KEY,       -- sha1 of type|a|b|day, stable across runs
    type          VARCHAR NOT NULL,
    a             VARCHAR NOT NULL,          -- source code (or the smaller code for symmetric types)
    b             VARCHAR NOT NULL,
    day           DATE,                      -- NULL for undated events (grouped per document then)
    num_mentions  INTEGER NOT NULL,          -- events rows merged
    num_articles  INTEGER NOT NULL,          -- distinct documents, near-duplicates counted once
    num_sources   INTEGER NOT NULL,          -- distinct documents.source
    first_seen    VARCHAR,                   -- earliest published of its documents
    last_seen     VARCHAR,
    event_ids     VARCHAR[] NOT NULL,
    goldstein     DOUBLE NOT NULL,
    quad_class    INTEGER NOT NULL,
    cameo         VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_pair ON events (source, target);
