-- Sales summaries, kept up to date in the same transaction as every order that is placed, completed or
-- cancelled: the dashboards read these, never the orders themselves. `span` 'd' rows hold one local day
-- (`period` = days since 1970-01-01 in the kabupaten's time zone), 'm' rows one month (`period` = its
-- first day). `outcome` is where the orders stand: 'open' (not finished yet), 'done' or 'cancelled'.
-- Rebuilt from the orders when `sales_meta` says they were kept for another time zone.

CREATE TABLE sales_orders (
    span    TEXT NOT NULL CHECK (span IN ('d', 'm')),
    period  BIGINT NOT NULL,
    shop_id BIGINT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('open', 'done', 'cancelled')),
    orders  BIGINT NOT NULL CHECK (orders >= 0),
    items   BIGINT NOT NULL CHECK (items >= 0),
    rupiah  BIGINT NOT NULL CHECK (rupiah >= 0),
    PRIMARY KEY (span, period, shop_id, outcome)
);

-- One row per product and the buyer's kabupaten ('' when the goods were collected: no address).
CREATE TABLE sales_lines (
    span         TEXT NOT NULL CHECK (span IN ('d', 'm')),
    period       BIGINT NOT NULL,
    product_id   BIGINT NOT NULL,
    buyer_region TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('open', 'done', 'cancelled')),
    orders       BIGINT NOT NULL CHECK (orders >= 0),
    items        BIGINT NOT NULL CHECK (items >= 0),
    rupiah       BIGINT NOT NULL CHECK (rupiah >= 0),
    PRIMARY KEY (span, period, product_id, buyer_region, outcome)
);

CREATE TABLE sales_meta (
    id        BIGINT PRIMARY KEY CHECK (id = 1),
    time_zone TEXT NOT NULL
);

CREATE INDEX orders_created ON orders (created_at);
CREATE INDEX shops_created ON shops (created_at);
