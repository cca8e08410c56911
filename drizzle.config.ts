import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes versioned SQL migrations from the schema; backend/store/migrate.ts applies them.
export default defineConfig({
  dialect: 'postgresql',
  schema: './backend/store/schema.ts',
  out: './backend/store/migrations',
});
