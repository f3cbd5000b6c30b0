-- A role given to an account that existed before (not one made for the grant): it never brings the
-- account into the care of the admin who gave it, so that admin cannot issue its reset link on the
-- strength of that role alone (PostgreSQL).
ALTER TABLE grants ADD COLUMN to_existing_account BOOLEAN NOT NULL DEFAULT FALSE;
