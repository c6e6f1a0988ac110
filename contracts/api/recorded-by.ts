// Who recorded something, as every read API shows it: on its own so that the views that embed it (tasks, transfers,
// a child's coming of age) import it without importing one another.
import * as z from 'zod/mini';

/** A person who acted, as the token named them: the identity provider's subject and, when it gave one, a name. */
export const Person = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128), z.describe('The token subject (sub) of the person who acted')),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(64))).check(z.describe('Their display name, from the token, e.g. 张三')),
});
export type Person = z.infer<typeof Person>;

/** Who recorded something: the organisation (a principal) and the person acting for it, if a person did. */
export const RecordedBy = z.object({ by: z.string(), person: z.optional(Person) });
