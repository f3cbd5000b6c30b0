-- Requests counted per key within a window (guest checkouts per address and per WhatsApp number, wrong
-- guesses at a guest order, sign-ups per address), kept in the database so every server counts the same.
-- Each event is kept until `expires_at`, the end of its window; the background job forgets the rest. A
-- request sent again (the same guest checkout with the same Idempotency-Key) is one event: `request`.
CREATE TABLE rate_events (
    id         INTEGER PRIMARY KEY,
    rule       TEXT NOT NULL,
    key        TEXT NOT NULL,
    request    TEXT,
    expires_at BIGINT NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (rule, key, expires_at);
CREATE UNIQUE INDEX rate_events_request ON rate_events (rule, key, request);
CREATE INDEX rate_events_expiry ON rate_events (expires_at);

-- The most units of one product a single order may take from the shop (none: the platform's limits).
ALTER TABLE shops ADD COLUMN order_quantity_max BIGINT CHECK (order_quantity_max IS NULL OR order_quantity_max > 0);
