/** The database's message of a failed statement (drizzle wraps it in `cause`), or 'accepted'. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    let inner: unknown = error;
    while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
    return inner instanceof Error ? inner.message : String(inner);
  }
  return 'accepted';
}
