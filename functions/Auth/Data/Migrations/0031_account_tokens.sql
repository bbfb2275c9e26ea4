-- Email verification. Accounts that existed before it count as verified (they were usable);
-- new registrations start unverified and may not publish until the link is followed.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
UPDATE users SET email_verified_at = created_at;

-- Single-use links mailed to a user: verify the email, reset the password, confirm a new email.
-- Only the SHA-256 of the secret is stored; a link names its user too, and both must match.
CREATE TABLE account_tokens (
    id          uuid PRIMARY KEY,
    token_hash  bytea NOT NULL UNIQUE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify-email', 'reset-password', 'change-email')),
    new_email   text CHECK (char_length(new_email) <= 254),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz
);

CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);
CREATE INDEX account_tokens_expires_idx ON account_tokens (expires_at);

-- Fixed-window counters for the requests that send mail (resend, forgot password, change
-- email), keyed 'forgot-email:<email>', 'forgot-address:<ip>', 'resend:<user id>' ...
CREATE TABLE request_limits (
    key               text PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    count             integer NOT NULL
);

-- Accounts deleted here whose products Products has not yet taken down: Auth's outbox for that
-- one call, so a deletion is never lost while Products is down. Only the user's id stays, and
-- only until Products confirmed.
CREATE TABLE product_takedowns (
    user_id         uuid PRIMARY KEY,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
