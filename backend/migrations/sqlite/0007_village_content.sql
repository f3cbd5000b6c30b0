-- What village admins keep besides the profile (SQLite): enterprises with their story, contact and
-- photos; the flagship product's story, photos and enterprise; news; the gallery. Every record an admin
-- edits has a version (a stale save is refused) and who changed it last.

ALTER TABLE officials ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE officials ADD COLUMN updated_by BIGINT REFERENCES users (id);

ALTER TABLE enterprises ADD COLUMN story_md TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN story_html TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN address TEXT NOT NULL DEFAULT '';
-- Canonical 62… form.
ALTER TABLE enterprises ADD COLUMN phone TEXT;
ALTER TABLE enterprises ADD COLUMN email TEXT;
ALTER TABLE enterprises ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE enterprises ADD COLUMN updated_by BIGINT REFERENCES users (id);
ALTER TABLE enterprises ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
UPDATE enterprises SET updated_at = created_at;

CREATE TABLE enterprise_photos (
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    image_id      BIGINT NOT NULL REFERENCES images (id),
    sort_order    BIGINT NOT NULL,
    PRIMARY KEY (enterprise_id, image_id)
);

-- The shop that represents an enterprise (BUMDes, koperasi, sentra IKM, UMKM) lists its products on
-- the enterprise's page.
ALTER TABLE shops ADD COLUMN enterprise_id BIGINT REFERENCES enterprises (id) ON DELETE SET NULL;
CREATE INDEX shops_enterprise ON shops (enterprise_id);

ALTER TABLE villages ADD COLUMN flagship_story_md TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN flagship_story_html TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN flagship_enterprise_id BIGINT REFERENCES enterprises (id) ON DELETE SET NULL;
ALTER TABLE villages ADD COLUMN flagship_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE villages ADD COLUMN flagship_updated_by BIGINT REFERENCES users (id);

CREATE TABLE flagship_photos (
    village_id BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    image_id   BIGINT NOT NULL REFERENCES images (id),
    sort_order BIGINT NOT NULL,
    PRIMARY KEY (village_id, image_id)
);

CREATE TABLE news (
    id           INTEGER PRIMARY KEY,
    village_id   BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    -- Fixed at creation, so shared links keep working when the title changes.
    slug         TEXT NOT NULL,
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('berita', 'pengumuman')),
    summary      TEXT NOT NULL DEFAULT '',
    body_md      TEXT NOT NULL DEFAULT '',
    body_html    TEXT NOT NULL DEFAULT '',
    cover_id     BIGINT REFERENCES images (id),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    published_at BIGINT,
    version      BIGINT NOT NULL DEFAULT 1,
    updated_by   BIGINT REFERENCES users (id),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (village_id, slug),
    CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE INDEX news_published ON news (village_id, status, published_at);

CREATE TABLE albums (
    id          INTEGER PRIMARY KEY,
    village_id  BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sort_order  BIGINT NOT NULL DEFAULT 0,
    version     BIGINT NOT NULL DEFAULT 1,
    updated_by  BIGINT REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX albums_village ON albums (village_id, sort_order);

CREATE TABLE album_photos (
    id         INTEGER PRIMARY KEY,
    album_id   BIGINT NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
    image_id   BIGINT NOT NULL REFERENCES images (id),
    caption    TEXT NOT NULL DEFAULT '',
    sort_order BIGINT NOT NULL DEFAULT 0,
    version    BIGINT NOT NULL DEFAULT 1,
    updated_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX album_photos_album ON album_photos (album_id, sort_order);
