-- Down of 0038_restore_operator_ai_session_policies: a data migration, so written by
-- hand. It undoes nothing on purpose: the up gave the operator's own row back its place, and
-- putting 0025's default back over it would repeat the bug. Rolling back changes no row.
SELECT 1;
