-- Each village's Indeks Desa Membangun by year; villages.idm_* keep the latest (SQLite).

CREATE TABLE village_idm (
    village_id BIGINT NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
    year       BIGINT NOT NULL CHECK (year BETWEEN 2015 AND 2100),
    score      DOUBLE PRECISION NOT NULL CHECK (score BETWEEN 0 AND 1),
    PRIMARY KEY (village_id, year)
);

INSERT INTO village_idm (village_id, year, score)
SELECT id, idm_year, idm_score FROM villages WHERE idm_score IS NOT NULL AND idm_year IS NOT NULL;
