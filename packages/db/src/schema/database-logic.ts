/**
 * originalDatabaseLogic: every function, trigger and schema of the original's database logic
 * with this package's decision, then the ones this package's migrations create (the data is in
 * original-database-logic.ts). It reads the schema's tables to know which have updated_at.
 */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as apps from './apps.ts';
import * as assets from './assets/index.ts';
import * as assistantTools from './assistant-tools.ts';
import * as assistants from './assistants.ts';
import * as chat from './chat.ts';
import * as creditsAndAccess from './credits-and-access.ts';
import type { DatabaseLogicDecision } from './original.ts';
import { originalOnlyDatabaseLogic, packageDatabaseLogicFor } from './original-database-logic.ts';
import * as pricingAndMetrics from './pricing-and-metrics.ts';
import * as rag from './rag.ts';
import * as ragCacheAndStats from './rag-cache-and-stats.ts';

/** Every table with an updated_at column: 0029 gives each one the touch trigger. */
export const tablesWithUpdatedAt: readonly string[] = [
  apps,
  assets,
  assistantTools,
  assistants,
  chat,
  creditsAndAccess,
  pricingAndMetrics,
  rag,
  ragCacheAndStats,
]
  .flatMap((module) => Object.values(module))
  .filter((value): value is PgTable => is(value, PgTable))
  .filter((table) => 'updatedAt' in getTableColumns(table))
  .map((table) => getTableName(table))
  .sort();

/** The functions and triggers this package's migrations create. */
export const packageDatabaseLogic = packageDatabaseLogicFor(tablesWithUpdatedAt);

export const originalDatabaseLogic: readonly DatabaseLogicDecision[] = [
  ...originalOnlyDatabaseLogic,
  ...packageDatabaseLogic,
];
