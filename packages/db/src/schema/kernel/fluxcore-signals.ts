import { sql } from 'drizzle-orm';
import {
  bigserial,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { fluxcoreRealityAdapters } from './fluxcore-reality-adapters.ts';

/**
 * The kernel's append-only journal: one certified observation per row, numbered in order. It
 * holds no application ids (account, conversation): projections derive those.
 */
export const fluxcoreSignals = pgTable(
  'fluxcore_signals',
  {
    sequenceNumber: bigserial('sequence_number', { mode: 'number' }).primaryKey(),
    signalFingerprint: text('signal_fingerprint').notNull(),
    factType: text('fact_type').notNull(),
    sourceNamespace: text('source_namespace').notNull(),
    sourceKey: text('source_key').notNull(),
    subjectNamespace: text('subject_namespace'),
    subjectKey: text('subject_key'),
    objectNamespace: text('object_namespace'),
    objectKey: text('object_key'),
    evidenceRaw: jsonb('evidence_raw').notNull(),
    evidenceFormat: text('evidence_format').notNull(),
    evidenceChecksum: text('evidence_checksum').notNull(),
    provenanceDriverId: text('provenance_driver_id').notNull(),
    provenanceExternalId: text('provenance_external_id'),
    provenanceEntryPoint: text('provenance_entry_point'),
    certifiedByAdapter: text('certified_by_adapter').notNull(),
    certifiedAdapterVersion: text('certified_adapter_version').notNull(),
    claimedOccurredAt: timestamp('claimed_occurred_at', { withTimezone: true }),
    // clock_timestamp(), not now(): signals of one transaction keep their real order.
    observedAt: timestamp('observed_at', { withTimezone: true })
      .default(sql`clock_timestamp()`)
      .notNull(),
  },
  (table) => [
    // A signal is never deleted, so neither is the adapter that certified it. Named as
    // PostgreSQL truncates drizzle's default name (63 bytes), as a pushed database has it.
    foreignKey({
      name: 'fluxcore_signals_certified_by_adapter_fluxcore_reality_adapters',
      columns: [table.certifiedByAdapter],
      foreignColumns: [fluxcoreRealityAdapters.adapterId],
    }).onDelete('restrict'),
    unique('fluxcore_signals_signal_fingerprint_unique').on(table.signalFingerprint),
    unique('ux_fluxcore_adapter_external').on(table.certifiedByAdapter, table.provenanceExternalId),
    index('idx_fluxcore_source').on(table.sourceNamespace, table.sourceKey, table.sequenceNumber),
    index('idx_fluxcore_subject').on(
      table.subjectNamespace,
      table.subjectKey,
      table.sequenceNumber,
    ),
    index('idx_fluxcore_sequence').on(table.sequenceNumber),
    index('idx_fluxcore_claimed_occurred').on(table.claimedOccurredAt),
  ],
);

export type FluxcoreSignal = typeof fluxcoreSignals.$inferSelect;
export type NewFluxcoreSignal = typeof fluxcoreSignals.$inferInsert;
