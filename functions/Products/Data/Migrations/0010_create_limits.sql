-- Product creates per user, counted in fixed windows shared by every replica. One upsert
-- counts the create before it is written and returns the count, so a parallel burst gets at
-- most the limit through.
CREATE TABLE create_limits (
    user_id        uuid PRIMARY KEY,
    window_ends_at timestamptz NOT NULL,
    creates        integer NOT NULL
);

CREATE INDEX create_limits_window_ends_at_idx ON create_limits (window_ends_at);
