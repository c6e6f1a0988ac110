// Every write is conditional on the item's revision (docs/architecture.md decision 4). A write that lost the race
// to another writer is not an error for the sweeps: they read again next time.

/** True when the conditional write landed, false when another writer changed the item first. */
export async function wroteAtRevision(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}
