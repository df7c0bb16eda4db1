ALTER TABLE "articles" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin (to_tsvector('arabic', "search_text"));--> statement-breakpoint
CREATE INDEX "entities_merged_into_idx" ON "entities" USING btree ("merged_into_id");