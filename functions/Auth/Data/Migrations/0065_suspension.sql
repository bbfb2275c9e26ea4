-- An admin may suspend an account: its sessions end in the same transaction, logins and
-- refreshes are refused while suspended_at is set, and its products stay where they are.
-- suspended_by names the admin, for the record (no foreign key: an admin may be deleted later).
ALTER TABLE users
    ADD COLUMN suspended_at timestamptz,
    ADD COLUMN suspended_by uuid;

-- Admins find accounts by part of an email address.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_email_trgm_idx ON users USING gin (lower(email) gin_trgm_ops);
