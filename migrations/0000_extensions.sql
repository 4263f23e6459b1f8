-- Extensions every module may rely on; present on PGlite (bundled contrib) and PostgreSQL 15+.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS ltree;
