-- Failed-login counters shared by every replica: one fixed window per key, where a key is
-- 'account:<email>' or 'address:<ip>'.
CREATE TABLE login_throttle (
    key               text PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    failures          integer NOT NULL
);
