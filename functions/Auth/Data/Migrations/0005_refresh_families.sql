-- A session is a refresh family with a row of its own. Rotation and every revocation (logout,
-- reuse of a spent token, "log out everywhere", a role change) lock this row first, so they
-- take turns: a revocation waits for a rotation in flight and the successor it minted dies
-- with the family. A family also ends at expires_at however often it is refreshed (the
-- absolute session lifetime); each token keeps its own sliding expires_at.
CREATE TABLE refresh_families (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);

-- Existing families: revoked when any of their tokens was (a revoke marked every token it saw;
-- a token minted past it is exactly the one the old code missed).
INSERT INTO refresh_families (id, user_id, created_at, last_used_at, expires_at, revoked_at)
SELECT family_id, (array_agg(user_id))[1], min(created_at), max(created_at), min(created_at) + interval '30 days', max(revoked_at)
FROM refresh_tokens
GROUP BY family_id;

ALTER TABLE refresh_tokens
    ADD CONSTRAINT refresh_tokens_family_fkey FOREIGN KEY (family_id) REFERENCES refresh_families (id) ON DELETE CASCADE;

CREATE INDEX refresh_families_user_idx ON refresh_families (user_id, created_at);
CREATE INDEX refresh_families_expires_idx ON refresh_families (expires_at);
