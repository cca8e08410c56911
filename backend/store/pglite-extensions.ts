import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The contrib extensions the migrations create. PGlite bundles each as a separate module that must
 * be handed to every `PGlite.create` (a fresh database, a data dir, or a loaded dump alike), or
 * `CREATE EXTENSION` and the trigram indexes fail. PostgreSQL has them in its contrib package.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
