-- Snapshots of the search-api's in-memory index, kept beside the read model whose change feed
-- they cover (position = the feed's change_seq up to which they hold every change), so a process
-- starts from the newest one and reads only the changes after it. Written in parts of a few MiB
-- (bytea values stay far from their 1 GiB limit at any catalogue size); a snapshot and its parts
-- are written in one transaction, so a reader sees whole snapshots only.
CREATE TABLE index_snapshots (
    id         bigserial PRIMARY KEY,
    format     integer NOT NULL,
    position   bigint NOT NULL,
    products   integer NOT NULL,
    bytes      bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX index_snapshots_latest_idx ON index_snapshots (format, position DESC);

CREATE TABLE index_snapshot_parts (
    snapshot_id bigint NOT NULL REFERENCES index_snapshots (id) ON DELETE CASCADE,
    part        integer NOT NULL,
    data        bytea NOT NULL,
    PRIMARY KEY (snapshot_id, part)
);

-- Dense binary already: compressing it would cost the writer time and save little.
ALTER TABLE index_snapshot_parts ALTER COLUMN data SET STORAGE EXTERNAL;
