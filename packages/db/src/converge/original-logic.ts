/**
 * The original's functions and triggers, recognised by the md5 of their definition as
 * PostgreSQL prints it (originalLogicHashes), and what converge does with each, following the
 * package's decisions (originalOnlyDatabaseLogic):
 * - one the package replaces, unchanged: dropped in the converge's transaction, which creates
 *   its replacement, so the work is never done twice (a subscription counted once);
 * - one the package keeps (the deployment's), unchanged: kept, and run once after the plan's
 *   steps (converge/probe.ts) to show its body still runs on the converged columns;
 * - one with the original's name but another definition (edited by hand): kept and reported,
 *   never dropped silently, whatever the decision says.
 */
import { createHash } from 'node:crypto';
import type { LiveFunction, LiveTrigger } from '../catalog/logic.ts';
import {
  type DatabaseLogicDecision,
  originalOnlyDatabaseLogic,
} from '../schema/original/database-logic-decisions.ts';
import { type OriginalLogicHash, originalLogicHashes } from '../schema/original/logic-hashes.ts';

export type Recognition =
  /** Not a name of the original's logic. */
  | { state: 'foreign' }
  /** The original's, unchanged (its hash is one of the references'). */
  | { state: 'original'; decision: DatabaseLogicDecision | undefined; lineages: readonly string[] }
  /** The original's name, another definition. */
  | { state: 'edited'; decision: DatabaseLogicDecision | undefined };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export const isReplaced = (decision: DatabaseLogicDecision | undefined) =>
  decision?.owner === 'package' && decision.how.startsWith('replaced by');

function recognise(
  candidates: readonly OriginalLogicHash[],
  definition: string,
  decision: DatabaseLogicDecision | undefined,
): Recognition {
  if (candidates.length === 0 && !decision) return { state: 'foreign' };
  const hash = md5(definition);
  const match = candidates.find((c) => c.md5 === hash);
  if (match) return { state: 'original', decision, lineages: match.lineages };
  return candidates.length > 0 || decision ? { state: 'edited', decision } : { state: 'foreign' };
}

export function recogniseTrigger(
  trigger: LiveTrigger,
  known: readonly OriginalLogicHash[] = [],
): Recognition {
  const candidates = [...originalLogicHashes, ...known].filter(
    (o) => o.kind === 'trigger' && o.name === trigger.name && o.table === trigger.table,
  );
  const decision = originalOnlyDatabaseLogic.find(
    (d) => d.kind === 'trigger' && d.name === trigger.name && d.table === trigger.table,
  );
  return recognise(candidates, trigger.definition, decision);
}

export function recogniseFunction(
  fn: LiveFunction,
  known: readonly OriginalLogicHash[] = [],
): Recognition {
  const candidates = [...originalLogicHashes, ...known].filter(
    (o) => o.kind === 'function' && o.schema === fn.schema && o.name === fn.name,
  );
  const decision = originalOnlyDatabaseLogic.find(
    (d) => d.kind === 'function' && d.name === `${fn.schema}.${fn.name}`,
  );
  return recognise(candidates, fn.definition, decision);
}

/** The note a kept object of the original's carries in the plan and in drizzle.fluxcore_kept. */
export function keptNote(recognition: Recognition, fallback: string): string {
  if (recognition.state === 'foreign') return fallback;
  if (recognition.state === 'edited')
    return `the original's name, but a definition neither reference has (edited by hand): kept and reported, never dropped silently${isReplaced(recognition.decision) ? `; the package ${recognition.decision?.how.split(';')[0]}, so check it does not do that work twice, or --drop it` : ''}`;
  return `the original's, unchanged (${recognition.lineages.join(', ')}); ${recognition.decision?.owner === 'deployment' ? "the deployment's: kept, and run once after the plan to show it still runs on the converged columns" : 'kept'}`;
}

/** The hash a test registers for a stand-in of the original's logic (as logic.tsv computes it). */
export function hashOf(definition: string): string {
  return md5(definition);
}
