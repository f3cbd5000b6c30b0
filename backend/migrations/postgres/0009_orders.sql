-- Carts, addresses, orders with their lines and timeline, idempotency keys and notifications (PostgreSQL).

CREATE TABLE cart_items (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity   BIGINT NOT NULL CHECK (quantity > 0),
    added_at   BIGINT NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

CREATE TABLE addresses (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipient  TEXT NOT NULL,
    whatsapp   TEXT NOT NULL,
    desa_code  TEXT NOT NULL REFERENCES regions (code),
    street     TEXT NOT NULL,
    rt_rw      TEXT NOT NULL DEFAULT '',
    landmark   TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX addresses_user ON addresses (user_id, id);

CREATE TABLE orders (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    shop_id         BIGINT NOT NULL REFERENCES shops (id),
    buyer_id        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    buyer_name      TEXT NOT NULL,
    -- Canonical 62… form; with the code, it opens a guest's order.
    buyer_phone     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('baru', 'menunggu_bayar', 'cek_bayar', 'diproses', 'dikirim',
                                                    'siap_diambil', 'selesai', 'dibatalkan')),
    payment         TEXT NOT NULL CHECK (payment IN ('tunai', 'transfer', 'qris')),
    delivery        TEXT NOT NULL CHECK (delivery IN ('ambil', 'antar', 'kurir', 'ongkir_nanti')),
    -- The address as placed (JSON, with its region names), and its desa for the market map.
    address         TEXT,
    dest_desa_code  TEXT,
    note            TEXT NOT NULL DEFAULT '',
    items_total     BIGINT NOT NULL CHECK (items_total >= 0),
    weight_grams    BIGINT NOT NULL CHECK (weight_grams >= 0),
    delivery_fee    BIGINT CHECK (delivery_fee >= 0),
    tracking_number TEXT,
    -- The latest receipt photo's sizes (JSON), sent by the buyer (guests have no account to own an image).
    receipt         TEXT,
    -- When the order entered its status (time limits count from it).
    status_at       BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX orders_shop ON orders (shop_id, created_at);
CREATE INDEX orders_buyer ON orders (buyer_id, created_at);
CREATE INDEX orders_due ON orders (status, status_at);

CREATE TABLE order_lines (
    order_id     BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position     BIGINT NOT NULL,
    product_id   BIGINT REFERENCES products (id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL,
    price        BIGINT NOT NULL CHECK (price >= 0),
    weight_grams BIGINT NOT NULL CHECK (weight_grams >= 0),
    quantity     BIGINT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, position)
);
CREATE INDEX order_lines_product ON order_lines (product_id);

CREATE TABLE order_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL CHECK (actor IN ('pembeli', 'penjual', 'sistem')),
    actor_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name  TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events (order_id, id);

-- A placed checkout per buyer (`u:{id}` or `p:{phone}`) and key: the same request again gets `response`.
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response     TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE TABLE notifications (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    link          TEXT NOT NULL,
    whatsapp_link TEXT,
    created_at    BIGINT NOT NULL,
    read_at       BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
