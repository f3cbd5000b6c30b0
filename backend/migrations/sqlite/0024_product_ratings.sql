-- Each product keeps how many visible reviews it has and the sum of their stars, changed in the
-- transaction that writes, hides or shows a review, so the catalog can filter and sort by rating
-- without reading the reviews of every product.

ALTER TABLE products ADD COLUMN rating_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN rating_stars BIGINT NOT NULL DEFAULT 0;

UPDATE products SET
    rating_count = (SELECT COUNT(*) FROM reviews r WHERE r.product_id = products.id AND r.hidden_reason IS NULL),
    rating_stars = (SELECT CAST(COALESCE(SUM(r.rating), 0) AS BIGINT) FROM reviews r
                    WHERE r.product_id = products.id AND r.hidden_reason IS NULL);
