-- Down of 0048_runtime_roles: written by hand. The roles belong to the whole server and other
-- databases on it may use them, so they stay; 0049's down revokes what this database granted.
SELECT 1;
