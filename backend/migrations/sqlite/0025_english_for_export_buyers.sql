-- English for export buyers: a seller may give a product an English name and description (Markdown, and
-- its sanitised HTML rendered like `description_html`), shown on the English pages (`/en/…`); NULL when
-- they gave none. An inquiry keeps the language of the page it was sent from, so the shop knows to reply
-- in English (older inquiries came from Indonesian pages).

ALTER TABLE products ADD COLUMN name_en TEXT;
ALTER TABLE products ADD COLUMN description_en TEXT;
ALTER TABLE products ADD COLUMN description_en_html TEXT;

ALTER TABLE inquiries ADD COLUMN lang TEXT NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en'));
