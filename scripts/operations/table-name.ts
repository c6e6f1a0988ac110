// Which state table an operator command (hub migrate, audit verify, redrive) works on. What the operator typed for
// this run beats what a shell or profile exported earlier: --table, else the table of an explicit --prefix, else
// TABLE_NAME from the environment, else the topology's name.
import { table } from '../../services/topology.ts';

export interface TableChoice {
  /** Absent when not given: an empty --prefix '' is a choice too (the unprefixed deployment). */
  prefix?: string;
  table?: string;
}

export function stateTableName(choice: TableChoice, env: Record<string, string | undefined>): string {
  if (choice.table) return choice.table;
  if (choice.prefix !== undefined) return `${choice.prefix}${table.name}`;
  return env.TABLE_NAME || table.name;
}
