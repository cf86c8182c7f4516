/**
 * Hot reads as named prepared statements: each is built once per database handle (drizzle
 * does not rebuild it on every call) and prepared under its name, so a server parses and
 * plans it once per connection. Values go in as drizzle placeholders.
 */
const statements = new WeakMap<object, Map<string, unknown>>();

/** The statement `name` of this handle, built by `build` on first use. */
export function preparedStatement<T>(db: object, name: string, build: (name: string) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(name);
    byName.set(name, statement);
  }
  return statement;
}
