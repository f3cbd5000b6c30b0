-- Complaints: the buyer of a shipped or collectable order says what went wrong (once per order, with up
-- to three photos); the seller agrees with a settlement or disagrees, the village admin decides the rest.
-- Every step is an event; a refund records the transfer (amount, date, receipt) and each refunded line,
-- so what was paid back is known per order line.

CREATE TABLE complaints (
    id              INTEGER PRIMARY KEY,
    -- One complaint per order, whatever arrives at once.
    order_id        BIGINT NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
    shop_id         BIGINT NOT NULL REFERENCES shops (id),
    reason          TEXT NOT NULL,
    description     TEXT NOT NULL,
    status          TEXT NOT NULL,
    outcome         TEXT,
    opened_at       BIGINT NOT NULL,
    -- When the seller's time to answer runs out: then the village admin may decide.
    answer_by       BIGINT NOT NULL,
    -- When it was settled or withdrawn: the order's automatic completion counts its days from here.
    closed_at       BIGINT,
    refund_amount   BIGINT CHECK (refund_amount >= 0),
    refund_delivery BIGINT CHECK (refund_delivery >= 0),
    refund_paid_on  TEXT,
    refund_receipt  BIGINT REFERENCES images (id),
    refunded_at     BIGINT,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX complaints_shop ON complaints (shop_id, opened_at);

CREATE TABLE complaint_photos (
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    image_id     BIGINT NOT NULL REFERENCES images (id),
    sort_order   BIGINT NOT NULL,
    PRIMARY KEY (complaint_id, image_id)
);

CREATE TABLE complaint_events (
    id           INTEGER PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    at           BIGINT NOT NULL,
    actor        TEXT NOT NULL,
    actor_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    status       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);

-- What a refund paid back, line by line (each line whole: its quantity and subtotal as ordered).
CREATE TABLE complaint_refund_lines (
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    line_id      BIGINT NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
    quantity     BIGINT NOT NULL CHECK (quantity > 0),
    amount       BIGINT NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (complaint_id, line_id)
);

-- The dashboards' kept summary: how many complaints of each shop stand in each status, changed in the
-- write of every step (so a dashboard reads it without going through the complaints).
CREATE TABLE complaint_counts (
    shop_id BIGINT NOT NULL REFERENCES shops (id),
    status  TEXT NOT NULL,
    n       BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (shop_id, status)
);
