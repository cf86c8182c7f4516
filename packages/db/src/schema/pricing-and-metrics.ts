/**
 * Usage prices and platform metrics (DOMAIN.md §6, billing). History: the original's
 * fluxcore_pricing_config and fluxcore_system_metrics (its billing and scalability scripts,
 * 019 and 020), which this package did not have before.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { type UsageResourceType, usageResourceTypeEnum } from './assistants.ts';
import { createdAt, id, moment } from './columns.ts';

/**
 * The price of one unit of a resource and operation (`embedding` / `create` per 1k tokens),
 * valid from effective_from until effective_until. Usage logs are priced from it.
 */
export const fluxcorePricingConfig = pgTable(
  'fluxcore_pricing_config',
  {
    id: id(),
    resourceType: usageResourceTypeEnum('resource_type').notNull(),
    operation: varchar('operation', { length: 50 }).notNull(),
    /** Null: any provider. */
    provider: varchar('provider', { length: 50 }),
    /** What one unit is: `1k_tokens`, `request`, `gb_day`, … */
    unitType: varchar('unit_type', { length: 50 }).notNull(),
    /** In credits. */
    pricePerUnit: numeric('price_per_unit', { precision: 10, scale: 6 }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    effectiveFrom: moment('effective_from').notNull().defaultNow(),
    effectiveUntil: moment('effective_until'),
    createdAt: createdAt(),
  },
  (t) => [
    // Pricing a usage looks up the active price of (resource, operation).
    index('fluxcore_pricing_config_lookup_idx')
      .on(t.resourceType, t.operation, t.effectiveFrom.desc())
      .where(sql`${t.isActive}`),
    check('fluxcore_pricing_config_price_check', sql`${t.pricePerUnit} >= 0`),
    check(
      'fluxcore_pricing_config_period_check',
      sql`${t.effectiveUntil} is null or ${t.effectiveUntil} > ${t.effectiveFrom}`,
    ),
  ],
);

/** Free-form labels of a metric sample (`{ "store": "…", "backend": "local" }`). */
export type SystemMetricDimensions = Record<string, string | number | boolean>;

/** Append-only samples of platform metrics, for dashboards and capacity planning. */
export const fluxcoreSystemMetrics = pgTable(
  'fluxcore_system_metrics',
  {
    id: id(),
    metricName: varchar('metric_name', { length: 100 }).notNull(),
    /** `counter`, `gauge` or `histogram`, as the writer declares it. */
    metricType: varchar('metric_type', { length: 50 }).notNull(),
    value: numeric('value', { precision: 20, scale: 6 }).notNull(),
    dimensions: jsonb('dimensions').$type<SystemMetricDimensions>().notNull().default({}),
    /** Millisecond precision, as the original. */
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    /** The day of recorded_at, for daily rollups and retention. */
    recordedDate: date('recorded_date').notNull().default(sql`CURRENT_DATE`),
  },
  (t) => [
    index('fluxcore_system_metrics_name_recorded_at_idx').on(t.metricName, t.recordedAt.desc()),
    index('fluxcore_system_metrics_recorded_date_idx').on(t.recordedDate),
  ],
);

export type FluxcorePricingConfig = typeof fluxcorePricingConfig.$inferSelect;
export type NewFluxcorePricingConfig = typeof fluxcorePricingConfig.$inferInsert;
export type FluxcoreSystemMetric = typeof fluxcoreSystemMetrics.$inferSelect;
export type NewFluxcoreSystemMetric = typeof fluxcoreSystemMetrics.$inferInsert;
export type PricedResourceType = UsageResourceType;

export const fluxcorePricingConfigSchemas = {
  select: createSelectSchema(fluxcorePricingConfig),
  insert: createInsertSchema(fluxcorePricingConfig),
};
export const fluxcoreSystemMetricSchemas = {
  select: createSelectSchema(fluxcoreSystemMetrics),
  insert: createInsertSchema(fluxcoreSystemMetrics),
};
