-- The search read model: one row per product ever seen (deleted ones stay as tombstones with
-- their version, so a late update cannot bring them back) and the vocabulary for typo correction.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Mirrors TextFolding.Fold in C#: lower case, no accents, words are runs of [a-z0-9].
-- unaccent() is only STABLE (it reads a dictionary); naming the dictionary makes this wrapper
-- safe to declare IMMUTABLE so generated columns and indexes can use it.
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g');

CREATE TABLE products (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL,
    deleted     boolean NOT NULL,
    name        text NOT NULL,
    description text NOT NULL,
    price       numeric(14, 2) NOT NULL,
    currency    text NOT NULL,
    category    text NOT NULL,
    image_url   text,
    stock       integer NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    indexed_at  timestamptz NOT NULL DEFAULT now(),
    name_folded text GENERATED ALWAYS AS (search_fold(name)) STORED,
    -- 'simple' on folded text: no stemming or stop words, so Spanish and English behave alike.
    document    tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, search_fold(name)), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, search_fold(description)), 'C')) STORED
);

CREATE INDEX products_document_idx ON products USING gin (document) WHERE NOT deleted;
CREATE INDEX products_price_idx ON products (price, id) WHERE NOT deleted;
CREATE INDEX products_newest_idx ON products (created_at DESC, id) WHERE NOT deleted;
CREATE INDEX products_category_idx ON products (category) WHERE NOT deleted;

-- Every word ever indexed. "C" collation so a prefix is a plain btree range.
CREATE TABLE words (
    word text COLLATE "C" PRIMARY KEY
);

CREATE INDEX words_trgm_idx ON words USING gin (word gin_trgm_ops);
