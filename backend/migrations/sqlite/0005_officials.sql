-- The village's officials (perangkat desa), in the order the admins set (SQLite).

CREATE TABLE officials (
    id         INTEGER PRIMARY KEY,
    village_id BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    position   TEXT NOT NULL,
    photo_id   BIGINT REFERENCES images (id),
    sort_order BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX officials_village ON officials (village_id, sort_order);
