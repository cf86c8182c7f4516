import { sql } from 'drizzle-orm';
import { boolean, check, index, numeric, pgTable, varchar } from 'drizzle-orm/pg-core';
import { type UsageResourceType, usageResourceTypeEnum } from '../assistants/constants.ts';
import { createdAt, id, moment, rowSchemas } from '../columns.ts';

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

export type FluxcorePricingConfig = typeof fluxcorePricingConfig.$inferSelect;
export type NewFluxcorePricingConfig = typeof fluxcorePricingConfig.$inferInsert;

export type PricedResourceType = UsageResourceType;

export const fluxcorePricingConfigSchemas = rowSchemas(fluxcorePricingConfig);
