-- Certificates of products (P-IRT, halal, BPOM MD/ML, SNI, organic): the seller adds one with a photo of
-- the document; the village admin verifies or refuses it with a reason. Only verified ones whose
-- `expires_on` (the last valid day, `YYYY-MM-DD` in the kabupaten's time zone; NULL for a halal
-- certificate without an end) is not past show to shoppers: compared with today's date when read.

CREATE TABLE product_certificates (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id     BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    number         TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    expires_on     TEXT,
    photo_id       BIGINT NOT NULL REFERENCES images (id),
    status         TEXT NOT NULL DEFAULT 'waiting',
    refusal_reason TEXT,
    decided_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decided_at     BIGINT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX product_certificates_product ON product_certificates (product_id);
-- The catalog filter: the products holding a verified certificate of a kind.
CREATE INDEX product_certificates_shown ON product_certificates (kind, product_id) WHERE status = 'verified';
