-- The village profile as its admins keep it: a version for optimistic concurrency, who changed it
-- last, the number of dusun and the office's contact (PostgreSQL).

ALTER TABLE villages ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE villages ADD COLUMN updated_by BIGINT REFERENCES users (id);
ALTER TABLE villages ADD COLUMN dusun_count BIGINT;
ALTER TABLE villages ADD COLUMN office_address TEXT NOT NULL DEFAULT '';
-- Canonical 62… form.
ALTER TABLE villages ADD COLUMN contact_phone TEXT;
ALTER TABLE villages ADD COLUMN contact_email TEXT;
ALTER TABLE villages ADD COLUMN opening_hours TEXT NOT NULL DEFAULT '';
