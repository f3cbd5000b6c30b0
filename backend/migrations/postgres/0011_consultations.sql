-- The consultation desk: consultants (officers of the government offices that answer, granted by a district
-- admin for a region and limited to the desk: not admins, so not in `grants`), consultations with their
-- replies, photos and field visits, and the anonymised FAQ text published from them (PostgreSQL).

CREATE TABLE consultants (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The provinsi, kabupaten or kecamatan they answer for.
    region_code TEXT NOT NULL REFERENCES regions (code),
    office      TEXT NOT NULL CHECK (office IN (
        'dinas_perindustrian', 'dinas_koperasi_umkm', 'dpmptsp', 'dinas_kesehatan',
        'dinas_perdagangan', 'dinas_pertanian', 'dinas_kelautan_perikanan', 'dinas_pmd', 'lainnya')),
    granted_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (user_id, region_code, office)
);
CREATE INDEX consultants_region ON consultants (region_code);

CREATE TABLE consultations (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    village_id       BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    -- Who asked.
    user_id          BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    shop_id          BIGINT REFERENCES shops (id) ON DELETE SET NULL,
    topic            TEXT NOT NULL CHECK (topic IN ('permodalan', 'perizinan', 'pemasaran', 'produksi', 'ekspor',
                                                    'lainnya')),
    title            TEXT NOT NULL,
    description      TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('baru', 'diproses', 'dijawab', 'ditutup')),
    -- The office it is assigned to, and the person.
    office           TEXT CHECK (office IN (
        'dinas_perindustrian', 'dinas_koperasi_umkm', 'dpmptsp', 'dinas_kesehatan',
        'dinas_perdagangan', 'dinas_pertanian', 'dinas_kelautan_perikanan', 'dinas_pmd', 'lainnya')),
    assignee_id      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The published version, rewritten by staff without names, numbers, villages or shops.
    faq_published    BOOLEAN NOT NULL DEFAULT FALSE,
    faq_question     TEXT,
    faq_answer       TEXT,
    faq_published_at BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX consultations_village ON consultations (village_id, created_at);
CREATE INDEX consultations_user ON consultations (user_id, created_at);
CREATE INDEX consultations_status ON consultations (status, topic, created_at);
CREATE INDEX consultations_faq ON consultations (faq_published, topic);

CREATE TABLE consultation_messages (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    author_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Whether the author answered as staff (a consultant or an admin) rather than as the asker.
    from_staff      BOOLEAN NOT NULL DEFAULT FALSE,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX consultation_messages_thread ON consultation_messages (consultation_id, id);

CREATE TABLE consultation_photos (
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    image_id        BIGINT NOT NULL REFERENCES images (id),
    position        BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, position)
);

CREATE TABLE consultation_visits (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('diminta', 'dijadwalkan', 'selesai', 'batal')),
    -- Unix milliseconds; set once scheduled.
    scheduled_for   BIGINT,
    place           TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    created_by      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX consultation_visits_thread ON consultation_visits (consultation_id, id);
