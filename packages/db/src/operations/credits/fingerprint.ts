/**
 * The fingerprint of a money request: sha256 (hex) of its canonical parameters. A ledger row
 * stores the fingerprint of the request that used its idempotency key, so a later call with
 * the same key is a replay only when it asks for the same thing; anything else is a conflict.
 */
import { createHash } from 'node:crypto';
import type { CreditsLedgerEntry } from '../../schema/index.ts';

type Canonical = Record<string, string | number | null>;

function fingerprint(kind: 'grant' | 'gating', parts: Canonical): string {
  // Sorted [name, value] pairs: the same parameters give the same text, whatever their order.
  const canonical = JSON.stringify([
    kind,
    ...Object.keys(parts)
      .sort()
      .map((name) => [name, parts[name] ?? null]),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function grantFingerprint(params: {
  accountId: string;
  amount: number;
  reason: string;
}): string {
  return fingerprint('grant', {
    accountId: params.accountId.toLowerCase(),
    amount: params.amount,
    reason: params.reason,
  });
}

export function gatingFingerprint(params: {
  accountId: string;
  conversationId: string;
  featureKey: string;
  engine: string;
  model: string;
}): string {
  return fingerprint('gating', {
    accountId: params.accountId.toLowerCase(),
    conversationId: params.conversationId.toLowerCase(),
    featureKey: params.featureKey,
    engine: params.engine,
    model: params.model,
  });
}

/**
 * The fingerprint of the request that wrote `entry`: the stored one, or, for a row written
 * before fingerprints were stored, the one its own columns give.
 */
export function entryFingerprint(entry: CreditsLedgerEntry): string | undefined {
  if (entry.requestFingerprint) return entry.requestFingerprint;
  if (entry.entryType === 'grant') {
    const reason = entry.metadata.reason;
    if (typeof reason !== 'string') return undefined;
    return grantFingerprint({ accountId: entry.accountId, amount: entry.delta, reason });
  }
  if (entry.entryType === 'spend') {
    if (!entry.conversationId || !entry.featureKey || !entry.engine || !entry.model) {
      return undefined;
    }
    return gatingFingerprint({
      accountId: entry.accountId,
      conversationId: entry.conversationId,
      featureKey: entry.featureKey,
      engine: entry.engine,
      model: entry.model,
    });
  }
  return undefined;
}
