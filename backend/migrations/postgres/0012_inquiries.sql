-- Bulk and export inquiries ("permintaan partai besar / ekspor") from product, shop and flagship pages,
-- with their status changes (PostgreSQL). The dashboards count them by village_id, shop_id, kind, status and
-- created_at.

CREATE TABLE inquiries (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    village_id     BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    shop_id        BIGINT REFERENCES shops (id) ON DELETE SET NULL,
    product_id     BIGINT REFERENCES products (id) ON DELETE SET NULL,
    -- Sent from the village's flagship page (no shop, no product).
    flagship       BOOLEAN NOT NULL DEFAULT FALSE,
    -- What was asked for, by name at that moment (the product or shop may be renamed or removed later).
    subject        TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('partai_besar', 'ekspor')),
    buyer_name     TEXT NOT NULL,
    -- Digits with the country code: `62812…` at home, e.g. `60123…` abroad.
    buyer_whatsapp TEXT NOT NULL,
    buyer_email    TEXT,
    organisation   TEXT,
    quantity       BIGINT NOT NULL CHECK (quantity > 0),
    unit           TEXT NOT NULL,
    destination    TEXT NOT NULL,
    dest_country   TEXT NOT NULL,
    -- `YYYY-MM` or `YYYY-MM-DD`.
    needed_by      TEXT,
    message        TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'dihubungi', 'selesai', 'batal')),
    user_id        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- A hash of what was sent, to turn away the same inquiry sent twice in a row.
    fingerprint    TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    CHECK (NOT flagship OR (shop_id IS NULL AND product_id IS NULL))
);
CREATE INDEX inquiries_village ON inquiries (village_id, created_at);
CREATE INDEX inquiries_shop ON inquiries (shop_id, created_at);
CREATE INDEX inquiries_buyer ON inquiries (buyer_whatsapp, created_at);

CREATE TABLE inquiry_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inquiry_id  BIGINT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    actor_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name  TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inquiry_events_inquiry ON inquiry_events (inquiry_id, id);
