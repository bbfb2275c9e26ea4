-- Mail waiting for the SMTP server. A request inserts a row (in its own transaction when it has
-- one); the hosted sender claims due rows with a lease (next_attempt_at moves ahead while one
-- sends it), deletes a row once the server took it, and backs a failure off. A row given up
-- keeps next_attempt_at = 'infinity' and its last error for an operator.
CREATE TABLE mail_outbox (
    id              uuid PRIMARY KEY,
    to_address      text NOT NULL,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id);
