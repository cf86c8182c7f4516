-- Down of 0041_drop_store_indexes_before_any_dimension: written by hand. The per-store indexes
-- are data, not schema: maintainStoreIndexes builds them again from the store sizes, so there
-- is nothing to restore here.
SELECT 1;
