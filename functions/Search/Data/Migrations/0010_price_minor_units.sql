-- Prices in minor units of their currency (ISO 4217 exponent), as Products keeps them; price
-- sorts and filters run within one currency, so the index leads with it.
ALTER TABLE products ADD COLUMN price_minor bigint;

UPDATE products SET price_minor = (price * power(10::numeric, CASE
        WHEN currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
        WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
        WHEN currency IN ('CLF', 'UYW') THEN 4
        ELSE 2 END))::bigint;

ALTER TABLE products ALTER COLUMN price_minor SET NOT NULL;
DROP INDEX products_price_idx;
ALTER TABLE products DROP COLUMN price;
CREATE INDEX products_price_idx ON products (currency, price_minor, id) WHERE NOT deleted;
