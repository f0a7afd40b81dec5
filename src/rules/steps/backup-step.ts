// The shape every backup step shares: nothing to undo, and the backups guide.
import type { Rollback, Step } from '../types';

const nothingToUndo: Rollback = {
  detail:
    'A backup changes nothing in Tyk. If it failed halfway, delete what it wrote and run it again.',
  commands: [],
};

export function backupStep(step: Omit<Step, 'kind' | 'rollback' | 'guide'>): Step {
  return { ...step, kind: 'backup', rollback: nothingToUndo, guide: 'backups' };
}
