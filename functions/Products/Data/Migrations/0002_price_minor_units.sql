-- Prices are kept in minor units of their currency (ISO 4217 exponent: COP, USD, EUR and MXN
-- have 2), with limits per currency from configuration instead of one cap for every currency.
ALTER TABLE products ADD COLUMN price_minor bigint;

UPDATE products SET price_minor = (price * power(10::numeric, CASE
        WHEN currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
        WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
        WHEN currency IN ('CLF', 'UYW') THEN 4
        ELSE 2 END))::bigint;

ALTER TABLE products
    ALTER COLUMN price_minor SET NOT NULL,
    ADD CONSTRAINT products_price_minor_positive CHECK (price_minor > 0),
    DROP COLUMN price;
