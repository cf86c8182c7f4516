-- Down of 0031_fold_duplicate_columns_into_original: a data migration, so written by hand. It
-- changes nothing: the up only copied values into the original's columns (the flags it moved
-- now live in asset_policies' three columns), and every source column is still there until
-- 0032. The schema is the one 0030 left.
SELECT 1;
