// The databases a Self-Managed Dashboard can keep its data in.
import type { Database } from '../types';

export type DatabaseEntry = {
  readonly id: Database;
  readonly label: string;
};

export const databases = [
  { id: 'mongodb', label: 'MongoDB' },
  { id: 'postgres', label: 'PostgreSQL' },
] as const satisfies readonly DatabaseEntry[];

export const databaseIds: readonly Database[] = databases.map((entry) => entry.id);

export function databaseLabel(id: Database): string {
  return databases.find((entry) => entry.id === id)?.label ?? id;
}
