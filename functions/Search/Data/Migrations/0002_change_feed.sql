-- A change feed over the read model: every write stamps the row with the next change_seq, and
-- writers take one advisory lock for their transaction (PostgresSearchStore.ApplyAsync), so
-- sequence order is commit order and a reader that has seen change_seq n has seen every change
-- up to n. Each search-api process follows this feed into its in-memory index.
CREATE SEQUENCE products_change_seq;

ALTER TABLE products ADD COLUMN change_seq bigint;
UPDATE products SET change_seq = nextval('products_change_seq');
ALTER TABLE products
    ALTER COLUMN change_seq SET DEFAULT nextval('products_change_seq'),
    ALTER COLUMN change_seq SET NOT NULL;

CREATE UNIQUE INDEX products_change_seq_idx ON products (change_seq);
