-- What the change feed needs to read on from a snapshot's position in another process (opaque
-- to the index: for PostgreSQL the sequence itself, for MongoDB the change stream's resume
-- token). Snapshots written before it have none; PostgreSQL's feed needs none to resume.
ALTER TABLE index_snapshots ADD COLUMN checkpoint bytea;
