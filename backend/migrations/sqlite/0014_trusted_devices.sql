-- Browsers an account has signed in on (OWASP "device cookies"): each holds a random token in a cookie,
-- of which only the hash is kept. Failed sign-ins from such a browser are counted apart from strangers',
-- so strangers cannot lock the owner out.
CREATE TABLE trusted_devices (
    device_hash TEXT NOT NULL,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    trusted_at  BIGINT NOT NULL,
    PRIMARY KEY (device_hash, user_id)
);
CREATE INDEX trusted_devices_user ON trusted_devices (user_id);
