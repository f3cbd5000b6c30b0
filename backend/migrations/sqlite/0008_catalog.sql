-- Shops as their owners run them, listings as sellers keep them, and the search index (SQLite).

ALTER TABLE shops ADD COLUMN logo_id BIGINT REFERENCES images (id);
ALTER TABLE shops ADD COLUMN qris_id BIGINT REFERENCES images (id);
ALTER TABLE shops ADD COLUMN pickup_address TEXT NOT NULL DEFAULT '';
-- JSON: [{"bank", "number", "holder"}].
ALTER TABLE shops ADD COLUMN bank_accounts TEXT NOT NULL DEFAULT '[]';
-- JSON: shared::DeliveryOptions.
ALTER TABLE shops ADD COLUMN delivery TEXT NOT NULL DEFAULT '{"pickup":true,"seller":null,"courier":[],"quoted":false}';
ALTER TABLE shops ADD COLUMN on_holiday INTEGER NOT NULL DEFAULT 0 CHECK (on_holiday IN (0, 1));
ALTER TABLE shops ADD COLUMN holiday_note TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE shops ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
UPDATE shops SET updated_at = created_at;

-- The seller's status (draft, active, hidden); sold out follows from stock 0; a village admin's hiding
-- is its reason. The cover is the first photo, kept on the row for lists.
ALTER TABLE products ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'hidden'));
UPDATE products SET status = CASE WHEN is_active = 1 THEN 'active' ELSE 'hidden' END;
ALTER TABLE products DROP COLUMN is_active;
-- Demo pictures were plain files; products now show pictures from the image pipeline.
ALTER TABLE products DROP COLUMN image_key;
ALTER TABLE products ADD COLUMN description_html TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN min_order BIGINT NOT NULL DEFAULT 1 CHECK (min_order >= 1);
ALTER TABLE products ADD COLUMN producer_id BIGINT REFERENCES producers (id) ON DELETE SET NULL;
ALTER TABLE products ADD COLUMN hidden_reason TEXT;
ALTER TABLE products ADD COLUMN hidden_by BIGINT REFERENCES users (id);
ALTER TABLE products ADD COLUMN cover_id BIGINT REFERENCES images (id);
ALTER TABLE products ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX products_newest ON products (created_at, id);
CREATE INDEX products_price ON products (price, id);

CREATE TABLE product_photos (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    image_id   BIGINT NOT NULL REFERENCES images (id),
    sort_order BIGINT NOT NULL,
    PRIMARY KEY (product_id, image_id)
);

-- Search: every word of the indexed text once (with joined pairs such as "tenunikat"), its trigrams
-- for finding words spelt differently, and which products hold it with the weight of the best field.
CREATE TABLE search_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE
);
CREATE TABLE search_grams (
    gram    TEXT NOT NULL,
    term_id BIGINT NOT NULL REFERENCES search_terms (id),
    PRIMARY KEY (gram, term_id)
) WITHOUT ROWID;
-- Keyed by weight so a word's best products are read first, in order, without sorting.
CREATE TABLE search_postings (
    term_id    BIGINT NOT NULL REFERENCES search_terms (id),
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    weight     BIGINT NOT NULL,
    PRIMARY KEY (term_id, weight, product_id)
) WITHOUT ROWID;
CREATE INDEX search_postings_product ON search_postings (product_id);
