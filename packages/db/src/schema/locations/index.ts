/**
 * An account's places and opening hours (the May lineage, 2026-04): its locations, and a
 * schedule any owner can have (a location today; an employee or a service tomorrow), named by
 * owner_type and owner_id rather than a foreign key: the weekly days and their intervals, and
 * special dates (holidays) with theirs, which override the week. Declared by the original's
 * Drizzle schema and created by no migration file of it; here our migrations create them.
 */
export * from './account-locations.ts';
export * from './special-dates.ts';
export * from './special-intervals.ts';
export * from './weekly-intervals.ts';
export * from './weekly-schedules.ts';
