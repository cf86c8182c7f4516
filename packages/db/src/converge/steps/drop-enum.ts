/**
 * An enum no column uses any more (one a rebuild renamed aside, or one the schema renamed):
 * dropped at the end. One a kept column still uses is kept instead (enums.ts). No data check:
 * no column holds a value of it. No online phases: a drop cannot be rolled back.
 */
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export const dropEnum: StepKind<{ name: string }> = {
  name: 'drop-enum',
  checks: {},
  build({ name }) {
    return [
      makeStep(
        'drop-enum',
        'cleanup',
        undefined,
        `drop enum ${name} (no column uses it any more)`,
        [`drop type ${quote(name)}`],
      ),
    ];
  },
};
