-- Accounts, sessions, scoped admin roles, shop applications and their producers, reset links,
-- sign-in failures (for rate limits) and the audit log (PostgreSQL).

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT NOT NULL,
    -- Canonical 62… form.
    phone         TEXT NOT NULL UNIQUE,
    -- Lower-cased; NULL when the user gave none.
    email         TEXT UNIQUE,
    -- Argon2id PHC string; NULL for an account an admin made until its owner sets a password.
    password_hash TEXT,
    is_demo       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE sessions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SHA-256 of the cookie's random token: the token itself is never stored.
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE grants (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('village_admin', 'district_admin')),
    village_id  BIGINT REFERENCES villages (id) ON DELETE CASCADE,
    region_code TEXT REFERENCES regions (code),
    granted_by  BIGINT REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    CHECK ((role = 'village_admin' AND village_id IS NOT NULL AND region_code IS NULL)
        OR (role = 'district_admin' AND region_code IS NOT NULL AND village_id IS NULL))
);
CREATE UNIQUE INDEX grants_village_admin ON grants (village_id, user_id) WHERE role = 'village_admin';
CREATE UNIQUE INDEX grants_district_admin ON grants (region_code, user_id) WHERE role = 'district_admin';
CREATE INDEX grants_user ON grants (user_id);

ALTER TABLE shops ADD COLUMN owner_id BIGINT REFERENCES users (id);
ALTER TABLE shops ADD COLUMN status_reason TEXT;
ALTER TABLE shops ADD COLUMN decided_by BIGINT REFERENCES users (id);
ALTER TABLE shops ADD COLUMN decided_at BIGINT;
CREATE INDEX shops_owner ON shops (owner_id);
CREATE INDEX shops_status ON shops (status, village_id);

-- Member producers of a shop run for people without a smartphone.
CREATE TABLE producers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id    BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    dusun      TEXT NOT NULL DEFAULT '',
    makes      TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX producers_shop ON producers (shop_id);

-- One-time links an admin issues; only the token's hash is kept.
CREATE TABLE reset_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_by  BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX reset_tokens_user ON reset_tokens (user_id);

-- Failed sign-ins, by account (scope 'account', the login as typed, normalised) and by address.
CREATE TABLE sign_in_failures (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope TEXT NOT NULL,
    key   TEXT NOT NULL,
    at    BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (scope, key, at);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor_id    BIGINT NOT NULL REFERENCES users (id),
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    summary     TEXT NOT NULL,
    -- The region the record belongs to (a desa code for village records), for district scopes.
    region_code TEXT NOT NULL
);
CREATE INDEX audit_log_region ON audit_log (region_code, at);
