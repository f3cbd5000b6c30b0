-- Order lines keep the sector their product had when it was sold, and the line summaries carry the shop
-- and that sector, so the dashboards' sector, best-seller and market tables read the summaries alone
-- (no join to the products). Line summaries count only goods of orders not cancelled (what every
-- table of goods shows), and both summaries are keyed by shop before period: SQLite reads a dashboard's
-- shops' rows of the period and nothing else. The summaries are rebuilt from the orders at the next
-- start-up: clearing `sales_meta` asks for it. Both summaries become WITHOUT ROWID tables: rows lie in
-- key order, so a dashboard reads them without a second lookup per row.

ALTER TABLE order_lines ADD COLUMN sector TEXT NOT NULL DEFAULT '';
UPDATE order_lines SET sector = COALESCE((SELECT p.sector FROM products p WHERE p.id = order_lines.product_id), '');

DROP TABLE sales_lines;
CREATE TABLE sales_lines (
    span         TEXT NOT NULL CHECK (span IN ('d', 'm')),
    period       BIGINT NOT NULL,
    shop_id      BIGINT NOT NULL,
    product_id   BIGINT NOT NULL,
    sector       TEXT NOT NULL,
    buyer_region TEXT NOT NULL,
    orders       BIGINT NOT NULL CHECK (orders >= 0),
    items        BIGINT NOT NULL CHECK (items >= 0),
    rupiah       BIGINT NOT NULL CHECK (rupiah >= 0),
    PRIMARY KEY (span, shop_id, period, product_id, sector, buyer_region)
) WITHOUT ROWID;

CREATE TABLE sales_orders_by_key (
    span    TEXT NOT NULL CHECK (span IN ('d', 'm')),
    period  BIGINT NOT NULL,
    shop_id BIGINT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('open', 'done', 'cancelled')),
    orders  BIGINT NOT NULL CHECK (orders >= 0),
    items   BIGINT NOT NULL CHECK (items >= 0),
    rupiah  BIGINT NOT NULL CHECK (rupiah >= 0),
    PRIMARY KEY (span, shop_id, period, outcome)
) WITHOUT ROWID;
DROP TABLE sales_orders;
ALTER TABLE sales_orders_by_key RENAME TO sales_orders;

DELETE FROM sales_meta;

-- Each shop counts its products for sale now (active, not hidden by the village admin), kept by
-- triggers on every change of a product's status, moderation or shop: the dashboards' "Produk dijual"
-- adds up these counters instead of counting the products.
ALTER TABLE shops ADD COLUMN listed_products BIGINT NOT NULL DEFAULT 0;
UPDATE shops SET listed_products = (SELECT COUNT(*) FROM products p
    WHERE p.shop_id = shops.id AND p.status = 'active' AND p.hidden_reason IS NULL);

CREATE TRIGGER products_listed_insert AFTER INSERT ON products
    WHEN NEW.status = 'active' AND NEW.hidden_reason IS NULL
BEGIN
    UPDATE shops SET listed_products = listed_products + 1 WHERE id = NEW.shop_id;
END;

CREATE TRIGGER products_listed_delete AFTER DELETE ON products
    WHEN OLD.status = 'active' AND OLD.hidden_reason IS NULL
BEGIN
    UPDATE shops SET listed_products = listed_products - 1 WHERE id = OLD.shop_id;
END;

CREATE TRIGGER products_listed_update AFTER UPDATE OF status, hidden_reason, shop_id ON products
BEGIN
    UPDATE shops SET listed_products = listed_products - 1
        WHERE id = OLD.shop_id AND OLD.status = 'active' AND OLD.hidden_reason IS NULL;
    UPDATE shops SET listed_products = listed_products + 1
        WHERE id = NEW.shop_id AND NEW.status = 'active' AND NEW.hidden_reason IS NULL;
END;

-- The products for sale of one sector (or one product), counted from the index alone.
CREATE INDEX products_listed ON products (shop_id, status, sector, hidden_reason);
