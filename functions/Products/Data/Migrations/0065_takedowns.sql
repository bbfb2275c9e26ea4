-- An admin may take a product down. To everyone else it is then gone like a deleted product
-- (deleted = true: out of search, the export and public reads), but the row keeps its fields
-- and who took it down, when and why, for the record; its seller still sees it, marked, and
-- nobody can change it back. taken_down_by is null when the system did it (account deletion).
ALTER TABLE products
    ADD COLUMN taken_down_at timestamptz,
    ADD COLUMN taken_down_by uuid,
    ADD COLUMN takedown_reason text CHECK (char_length(takedown_reason) <= 500);

-- The seller's own list shows live and taken-down products.
CREATE INDEX products_owner_visible ON products (owner_id, created_at DESC, id DESC)
    WHERE NOT deleted OR taken_down_at IS NOT NULL;
