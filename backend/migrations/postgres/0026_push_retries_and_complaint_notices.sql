-- A push on its way to one device: a push taken off the outbox becomes one delivery for each device of its
-- person. A delivery its push service could not take for a passing reason (no answer, 429, 5xx) stays
-- here until its next try (by default after 1, 5 and 30 minutes, or later when the service says
-- Retry-After), so a restart loses none; while a server posts it, its next try is set a lease away, so
-- a server that stops midway leaves it to be tried again. The person is kept beside the device: a device
-- subscribed since by another account does not receive the first one's pushes.
CREATE TABLE push_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    link            TEXT NOT NULL,
    -- Tries made so far.
    attempts        BIGINT NOT NULL DEFAULT 0,
    -- When it is tried next (Unix ms).
    due_at          BIGINT NOT NULL,
    -- When its notification was made: no try comes later than its TTL after this.
    created_at      BIGINT NOT NULL
);
CREATE INDEX push_deliveries_due ON push_deliveries (due_at);
CREATE INDEX push_deliveries_subscription ON push_deliveries (subscription_id);

-- When the admins who decide a complaint were told it waits for them: once, when the seller disagreed or
-- their time to answer ran out.
ALTER TABLE complaints ADD COLUMN admins_told_at BIGINT;
