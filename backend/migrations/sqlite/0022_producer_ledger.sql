-- What each member producer earned: the shop's agreed fee and the producer's WhatsApp, a credit per
-- order line of a producer's product when its order completes (and one taking it back on a refund),
-- with the producer, the fee and the sums as they were then; the payouts the shop made, with an
-- optional receipt photo (SQLite).

ALTER TABLE producers ADD COLUMN fee_kind TEXT NOT NULL DEFAULT 'persen' CHECK (fee_kind IN ('persen', 'per_satuan'));
ALTER TABLE producers ADD COLUMN fee_value BIGINT NOT NULL DEFAULT 0 CHECK (fee_value >= 0);
-- Canonical 62… form; NULL for a producer without a phone.
ALTER TABLE producers ADD COLUMN phone TEXT;

CREATE TABLE producer_credits (
    id          INTEGER PRIMARY KEY,
    shop_id     BIGINT NOT NULL REFERENCES shops (id),
    -- The line's producer when the order completed (the product may name another later).
    producer_id BIGINT NOT NULL REFERENCES producers (id),
    line_id     BIGINT NOT NULL REFERENCES order_lines (id),
    order_id    BIGINT NOT NULL REFERENCES orders (id),
    -- A sale, or a refund with the same figures negated; each at most once per line.
    kind        TEXT NOT NULL CHECK (kind IN ('jual', 'refund')),
    -- The local day (days since 1970-01-01) and the moment.
    day         BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    quantity    BIGINT NOT NULL,
    amount      BIGINT NOT NULL,
    -- The shop's part of `amount`; the producer earned `amount - fee`.
    fee         BIGINT NOT NULL,
    UNIQUE (line_id, kind)
);
CREATE INDEX producer_credits_producer ON producer_credits (producer_id, day);

CREATE TABLE producer_payouts (
    id          INTEGER PRIMARY KEY,
    shop_id     BIGINT NOT NULL REFERENCES shops (id),
    producer_id BIGINT NOT NULL REFERENCES producers (id),
    amount      BIGINT NOT NULL CHECK (amount > 0),
    method      TEXT NOT NULL CHECK (method IN ('tunai', 'transfer')),
    -- The local day it was paid.
    paid_on     BIGINT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX producer_payouts_producer ON producer_payouts (producer_id, paid_on);

CREATE TABLE producer_payout_photos (
    payout_id  BIGINT NOT NULL REFERENCES producer_payouts (id) ON DELETE CASCADE,
    image_id   BIGINT NOT NULL REFERENCES images (id),
    sort_order BIGINT NOT NULL,
    PRIMARY KEY (payout_id, image_id)
);

-- The dashboards' summary of what reached producers, kept in the same transactions as the credits: per
-- day and per month of the sale's crediting, shop, product and sector (a refund takes its line off the
-- sale's own rows). `earned` is what the producers earned: `sold` less the shops' fees.
CREATE TABLE producer_income (
    span       TEXT NOT NULL CHECK (span IN ('d', 'm')),
    period     BIGINT NOT NULL,
    shop_id    BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    sector     TEXT NOT NULL,
    lines      BIGINT NOT NULL CHECK (lines >= 0),
    items      BIGINT NOT NULL CHECK (items >= 0),
    sold       BIGINT NOT NULL CHECK (sold >= 0),
    earned     BIGINT NOT NULL CHECK (earned >= 0),
    PRIMARY KEY (span, shop_id, period, product_id, sector)
) WITHOUT ROWID;
