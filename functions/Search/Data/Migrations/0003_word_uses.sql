-- The vocabulary forgets words no live product uses: each word counts the live products whose
-- text contains it. Writers keep the count in the same transaction as the product write, under
-- the writers' advisory lock (PostgresSearchStore.ApplyAsync), and delete words that reach zero.
-- Taking that lock here too means no write interleaves with the recount below.
SELECT pg_advisory_xact_lock(1936876392); -- 0x73726368, "srch"

ALTER TABLE words ADD COLUMN uses bigint NOT NULL DEFAULT 0;

INSERT INTO words AS v (word, uses)
SELECT w, count(*) FROM products, unnest(tsvector_to_array(document)) AS w
WHERE NOT deleted
GROUP BY w
ON CONFLICT (word) DO UPDATE SET uses = EXCLUDED.uses;

DELETE FROM words WHERE uses <= 0;

ALTER TABLE words ALTER COLUMN uses DROP DEFAULT;

-- Holds only words about to be deleted, so the writers' cleanup reads nothing else.
CREATE INDEX words_unused_idx ON words (word) WHERE uses <= 0;
