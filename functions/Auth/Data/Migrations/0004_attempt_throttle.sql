-- Limits count attempts, not failures, and count them before the work they guard, so a
-- parallel burst cannot slip past: one upsert records the attempt and returns the count.
-- A key is 'account:<email>', 'address:<ip>', 'register:address:<ip>' or 'register:all';
-- each window ends at window_ends_at (keys differ in window length).
DROP TABLE login_throttle;

CREATE TABLE throttle (
    key            text PRIMARY KEY,
    window_ends_at timestamptz NOT NULL,
    attempts       integer NOT NULL
);

CREATE INDEX throttle_window_ends_at_idx ON throttle (window_ends_at);
