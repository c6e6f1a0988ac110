// A department that acknowledges in its answer to the push: delivered and acknowledged land in one write,
// and no acknowledge call reaches the API.
import { describe, expect, it } from 'vitest';
import { admitFoundling, untilTaskStatus, useHub } from '../helpers/hub.ts';

const hub = useHub({ simulatorDelayMs: 50, simulatorAckInResponse: true });

describe('acknowledging in the push answer', () => {
  it('records delivered and acknowledged together, then the completion', async () => {
    const { childId, taskId } = await admitFoundling(hub(), 'NN-ACK-1');
    const task = await untilTaskStatus(hub(), childId, taskId, 'completed');
    const [delivered, acknowledged] = task.history.slice(2, 4);
    expect(delivered).toMatchObject({ from: 'dispatched', to: 'delivered', by: 'system:adapter' });
    expect(acknowledged).toMatchObject({ from: 'delivered', to: 'acknowledged', by: 'department:medical-insurance' });
    // Same write: same instant.
    expect(acknowledged.at).toBe(delivered.at);
    expect(task.history.map((h: any) => h.to)).toEqual(['requested', 'dispatched', 'delivered', 'acknowledged', 'completed']);
  });
});
