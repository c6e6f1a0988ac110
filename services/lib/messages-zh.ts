// The Chinese of an English message: the one table (contracts/api/messages-zh.ts), then the task-type contracts' own
// words (their `zh.messages`), so that a department added in its own folders brings its messages to the API's
// `message_zh` and to the console alike. A result rule declares its words in both languages (contracts/result-rules.ts).
import { knownZh as tableZh } from '../../contracts/api/messages-zh.ts';
import { taskTypes } from '../topology.ts';

const contractMessages: Record<string, string> = Object.assign(
  {},
  ...taskTypes.map((t) => t.contract.zh?.messages ?? {}),
  ...taskTypes.flatMap((t) => t.contract.rules.map((r) => ({ [r.en]: r.zh }))),
);

/** The Chinese of a known English message, or undefined. */
export const knownZh = (message: string): string | undefined => tableZh(message) ?? contractMessages[message];
