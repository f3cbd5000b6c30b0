-- Reviews: the buyer of a completed order rates each line once (the line's id is unique among reviews),
-- with words and up to three photos; the seller replies once; the village admin may hide one with a
-- reason. Order lines get an id of their own for it (PostgreSQL).

ALTER TABLE order_lines ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE;

CREATE TABLE reviews (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- One review per order line, whatever arrives at once.
    line_id       BIGINT NOT NULL UNIQUE REFERENCES order_lines (id) ON DELETE CASCADE,
    order_id      BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- The product while it exists, and its name as bought.
    product_id    BIGINT REFERENCES products (id) ON DELETE SET NULL,
    product_name  TEXT NOT NULL,
    shop_id       BIGINT NOT NULL REFERENCES shops (id),
    -- The signed-in buyer (none for a guest); the name is the order's, shown shortened ("Siti R.").
    buyer_id      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    buyer_name    TEXT NOT NULL,
    rating        BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body          TEXT NOT NULL DEFAULT '',
    reply         TEXT,
    reply_at      BIGINT,
    -- Set by the village admin: why it is not shown (the seller reads it).
    hidden_reason TEXT,
    hidden_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    hidden_at     BIGINT,
    created_at    BIGINT NOT NULL
);
CREATE INDEX reviews_product ON reviews (product_id, created_at) WHERE hidden_reason IS NULL;
-- A shop's reviews, and a village's through its shops (`shops_village`).
CREATE INDEX reviews_shop ON reviews (shop_id, created_at);
CREATE INDEX reviews_order ON reviews (order_id);

CREATE TABLE review_photos (
    review_id  BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    image_id   BIGINT NOT NULL REFERENCES images (id),
    sort_order BIGINT NOT NULL,
    PRIMARY KEY (review_id, image_id)
);
