import { sql } from 'drizzle-orm';
import { date, index, jsonb, numeric, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { id, rowSchemas } from '../columns.ts';

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

export type FluxcoreSystemMetric = typeof fluxcoreSystemMetrics.$inferSelect;
export type NewFluxcoreSystemMetric = typeof fluxcoreSystemMetrics.$inferInsert;

export const fluxcoreSystemMetricSchemas = rowSchemas(fluxcoreSystemMetrics);
