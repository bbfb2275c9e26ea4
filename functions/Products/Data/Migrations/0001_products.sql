-- The catalogue and its transactional outbox.
CREATE TABLE products (
    id          uuid PRIMARY KEY,
    owner_id    uuid NOT NULL,
    name        text NOT NULL,
    description text NOT NULL,
    price       numeric(9, 2) NOT NULL CHECK (price > 0 AND price <= 1000000),
    currency    text NOT NULL,
    category    text NOT NULL,
    image_url   text NULL,
    stock       integer NOT NULL CHECK (stock >= 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint NOT NULL,
    -- Deletes keep a tombstone so the export can tell Search that a product is gone.
    deleted     boolean NOT NULL DEFAULT false
);

CREATE INDEX products_newest ON products (created_at DESC, id DESC) WHERE NOT deleted;
CREATE INDEX products_owner_newest ON products (owner_id, created_at DESC, id DESC) WHERE NOT deleted;

CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid NOT NULL UNIQUE,
    product_id      uuid NOT NULL,
    routing_key     text NOT NULL,
    payload         bytea NOT NULL,
    traceparent     text NULL,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    last_error      text NULL,
    sent_at         timestamptz NULL
);

CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
