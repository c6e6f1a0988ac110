// The Chinese a person reads for a message the contracts or the API write in English: the table is the API's own
// (services/lib/messages-zh.ts: contracts/api/messages-zh.ts and the contracts' own words); here, the admission's
// missing facts say which task needs them. zod's own messages come from its zh-CN locale (zod.ts).
import { knownZh } from '../../../lib/messages-zh.ts';

export { knownZh };

const han = /[\u4e00-\u9fff]/;

/**
 * A message for a person. The admission's missing facts say which task needs them (`… (needed for <type>, policy
 * <section>)`); `titleOf` names the task.
 */
export function messageZh(message: string, titleOf: (type: string) => string | undefined = () => undefined): string {
  const needed = /^(.*) \(needed for ([a-z.-]+), policy (.+)\)$/.exec(message);
  if (needed) return `${messageZh(needed[1]!, titleOf)}（办理“${titleOf(needed[2]!) ?? needed[2]}”需要，政策${needed[3]}）`;
  return knownZh(message) ?? (han.test(message) ? message : '填写的内容不符合要求');
}
