-- Order lines keep the sector their product had when it was sold, and the line summaries carry the shop
-- and that sector, so the dashboards' sector, best-seller and market tables read the summaries alone
-- (no join to the products). Line summaries count only goods of orders not cancelled (what every
-- table of goods shows). Keyed by span and period: PostgreSQL reads a period's rows through the key
-- and joins the viewer's shops by hash (SQLite's copy of this file keys by shop first instead). The
-- summaries are rebuilt from the orders at the next start-up: clearing `sales_meta` asks for it.

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
    PRIMARY KEY (span, period, shop_id, product_id, sector, buyer_region)
);

DELETE FROM sales_meta;

-- Each shop counts its products for sale now (active, not hidden by the village admin), kept by
-- triggers on every change of a product's status, moderation or shop: the dashboards' "Produk dijual"
-- adds up these counters instead of counting the products.
ALTER TABLE shops ADD COLUMN listed_products BIGINT NOT NULL DEFAULT 0;
UPDATE shops SET listed_products = (SELECT COUNT(*) FROM products p
    WHERE p.shop_id = shops.id AND p.status = 'active' AND p.hidden_reason IS NULL);

CREATE FUNCTION products_listed_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.status = 'active' AND OLD.hidden_reason IS NULL THEN
            UPDATE shops SET listed_products = listed_products - 1 WHERE id = OLD.shop_id;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.status = 'active' AND NEW.hidden_reason IS NULL THEN
            UPDATE shops SET listed_products = listed_products + 1 WHERE id = NEW.shop_id;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER products_listed AFTER INSERT OR DELETE OR UPDATE OF status, hidden_reason, shop_id ON products
    FOR EACH ROW EXECUTE FUNCTION products_listed_count();

-- The products for sale of one sector (or one product), counted from the index alone.
CREATE INDEX products_listed ON products (shop_id, status, sector, hidden_reason);
