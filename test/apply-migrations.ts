import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Storage is isolated per test file; every file starts from the migrated, empty schema (every database: src/db/tenants.ts).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await applyD1Migrations(env.DB_SEEBLICK, env.TEST_MIGRATIONS);
await applyD1Migrations(env.DB_OLD, env.TEST_MIGRATIONS);
