ALTER TABLE "entities" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "entities_merged_into_idx" ON "entities" USING btree ("merged_into_id");