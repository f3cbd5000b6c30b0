-- Push notifications: the VAPID key pair (one row, made on the first start, so every server of one database
-- signs alike), the devices that receive a person's pushes (one per push service endpoint, ending with the
-- session they were allowed in), and the pushes waiting to go out, written in the same transaction as the
-- in-app notification they repeat.

CREATE TABLE push_keys (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    -- The P-256 private scalar and the uncompressed public point, base64url.
    private_key TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE push_subscriptions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id  BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    endpoint    TEXT NOT NULL UNIQUE,
    p256dh      TEXT NOT NULL,
    auth        TEXT NOT NULL,
    user_agent  TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);
CREATE INDEX push_subscriptions_session ON push_subscriptions (session_id);

CREATE TABLE push_outbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    link        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
