/**
 * Writes src/core/store/migrations.gen.ts from drizzle-kit's output, so the migrations
 * travel inside every bundle (main, CLI, tests) with no file lookup at run time.
 * Run by `npm run db:generate`; a test fails when the two disagree.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEmbeddedMigrations } from '../src/core/store/migration-files';

const dir = join(__dirname, '..', 'src', 'core', 'store');
writeFileSync(join(dir, 'migrations.gen.ts'), renderEmbeddedMigrations(join(dir, 'migrations')));
console.log('wrote src/core/store/migrations.gen.ts');
