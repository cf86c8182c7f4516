/**
 * Internal access: what FluxCore staff (system_admins) may do beyond their own accounts.
 * Scopes are a jsonb map, e.g. `{ "credits": true, "*": true, "deletion": false }`.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { type SystemAdminScopes, systemAdmins } from '../../schema/index.ts';

/** The scope that stands for every scope without an explicit entry of its own. */
export const allScopes = '*';

/** The scopes the API checks: one per kind of data staff may act on. */
export const internalAccessScopes = ['credits', 'conversations', 'deletion'] as const;
export type InternalAccessScope = (typeof internalAccessScopes)[number];

/** An explicit true or false for the scope wins; otherwise `*` decides. */
export function scopesAllow(scopes: SystemAdminScopes, scope: string): boolean {
  const explicit = Object.hasOwn(scopes, scope) ? scopes[scope] : undefined;
  if (typeof explicit === 'boolean') return explicit;
  return scopes[allScopes] === true;
}

export async function hasInternalAccess(
  db: Database | Transaction,
  userId: string,
  scope: string,
): Promise<boolean> {
  const [admin] = await db
    .select({ scopes: systemAdmins.scopes })
    .from(systemAdmins)
    .where(eq(systemAdmins.userId, userId));
  return admin ? scopesAllow(admin.scopes, scope) : false;
}

/**
 * Sets one scope of a user to true or false, creating the admin row when needed. The other
 * scopes stay as they were (a jsonb merge in one statement, so concurrent changes of different
 * scopes do not overwrite each other).
 */
async function setScope(
  db: Database | Transaction,
  params: { userId: string; scope: string; allowed: boolean; changedBy?: string },
): Promise<SystemAdminScopes> {
  const change = { [params.scope]: params.allowed };
  const [row] = await db
    .insert(systemAdmins)
    .values({ userId: params.userId, scopes: change, createdBy: params.changedBy ?? null })
    .onConflictDoUpdate({
      target: systemAdmins.userId,
      set: {
        scopes: sql`${systemAdmins.scopes} || excluded.scopes`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ scopes: systemAdmins.scopes });
  return row?.scopes ?? change;
}

/** Grants a scope (`*` for all). Returns the user's scopes after the change. */
export function grantInternalAccess(
  db: Database | Transaction,
  params: { userId: string; scope: string; grantedBy?: string },
): Promise<SystemAdminScopes> {
  return setScope(db, {
    userId: params.userId,
    scope: params.scope,
    allowed: true,
    changedBy: params.grantedBy,
  });
}

/**
 * Revokes a scope by recording an explicit false, which wins over `*`: an admin with every
 * scope can be denied one. Revoking `*` leaves the explicitly granted scopes in place.
 */
export function revokeInternalAccess(
  db: Database | Transaction,
  params: { userId: string; scope: string; revokedBy?: string },
): Promise<SystemAdminScopes> {
  return setScope(db, {
    userId: params.userId,
    scope: params.scope,
    allowed: false,
    changedBy: params.revokedBy,
  });
}
