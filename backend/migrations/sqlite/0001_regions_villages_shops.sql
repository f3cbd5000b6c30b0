-- Regions, villages, their enterprises, shops and products (SQLite).
-- Times are BIGINT unix milliseconds; money is BIGINT Rupiah; flags are INTEGER 0/1 (BOOLEAN on PostgreSQL).

CREATE TABLE regions (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    parent_code TEXT
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE villages (
    id                   INTEGER PRIMARY KEY,
    region_code          TEXT NOT NULL UNIQUE REFERENCES regions (code),
    kecamatan_code       TEXT NOT NULL REFERENCES regions (code),
    kabupaten_code       TEXT NOT NULL REFERENCES regions (code),
    provinsi_code        TEXT NOT NULL REFERENCES regions (code),
    slug                 TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    tagline              TEXT NOT NULL DEFAULT '',
    history_md           TEXT NOT NULL DEFAULT '',
    history_html         TEXT NOT NULL DEFAULT '',
    vision_md            TEXT NOT NULL DEFAULT '',
    vision_html          TEXT NOT NULL DEFAULT '',
    mission_md           TEXT NOT NULL DEFAULT '',
    mission_html         TEXT NOT NULL DEFAULT '',
    population           BIGINT CHECK (population >= 0),
    households           BIGINT CHECK (households >= 0),
    area_km2             DOUBLE PRECISION CHECK (area_km2 > 0),
    lat                  DOUBLE PRECISION CHECK (lat BETWEEN -90 AND 90),
    lon                  DOUBLE PRECISION CHECK (lon BETWEEN -180 AND 180),
    idm_status           TEXT,
    idm_score            DOUBLE PRECISION CHECK (idm_score BETWEEN 0 AND 1),
    idm_year             BIGINT,
    flagship_name        TEXT,
    flagship_sector      TEXT,
    flagship_description TEXT NOT NULL DEFAULT '',
    cover_key            TEXT,
    is_demo              INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX villages_kabupaten ON villages (kabupaten_code, name);
CREATE INDEX villages_kecamatan ON villages (kecamatan_code, name);

-- Every slug a village has had, so old links keep working.
CREATE TABLE village_slugs (
    slug       TEXT PRIMARY KEY,
    village_id BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE
);

CREATE TABLE enterprises (
    id          INTEGER PRIMARY KEY,
    village_id  BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);
CREATE INDEX enterprises_village ON enterprises (village_id);

CREATE TABLE shops (
    id          INTEGER PRIMARY KEY,
    village_id  BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    whatsapp    TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at  BIGINT NOT NULL
);
CREATE INDEX shops_village ON shops (village_id);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    slug         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    price        BIGINT NOT NULL CHECK (price >= 0),
    unit         TEXT NOT NULL,
    stock        BIGINT NOT NULL CHECK (stock >= 0),
    sector       TEXT NOT NULL,
    weight_grams BIGINT NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    image_key    TEXT,
    is_active    INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX products_shop ON products (shop_id, created_at);
