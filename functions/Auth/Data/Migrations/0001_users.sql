-- Accounts. Emails are stored trimmed and lower-cased; the unique index on lower(email)
-- still refuses a duplicate in any letter case if a writer ever forgets to normalise.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL CHECK (char_length(email) <= 254),
    display_name  text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 60),
    role          text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at, id);
