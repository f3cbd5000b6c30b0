-- Uploaded pictures, processed into stored sizes (SQLite).

CREATE TABLE images (
    id         INTEGER PRIMARY KEY,
    owner_id   BIGINT NOT NULL REFERENCES users (id),
    -- The sizes as JSON: [thumb, card, full, jpeg], each {"url", "width", "height"}.
    variants   TEXT NOT NULL,
    -- Bytes received, before processing.
    source_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX images_owner ON images (owner_id, created_at);
