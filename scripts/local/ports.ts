// Ports and waiting for the emulators: a free port outside the kernel's ephemeral range, whether a port can be bound.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A free port below the kernel's ephemeral range. A port from listen(0) lies inside it, where outgoing
 * connections pick their source ports too, and a busy test run could take it in the seconds before the JVM
 * binds it. Falls back to listen(0).
 */
export async function freePort(): Promise<number> {
  let ephemeralLow = 32768;
  try {
    ephemeralLow = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || ephemeralLow;
  } catch {
    // Not Linux: 32768 is below the BSD/macOS range (49152) as well.
  }
  for (let attempt = 0; attempt < 50 && ephemeralLow > 11_000; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * (ephemeralLow - 10_000));
    if (await canBind(port)) return port;
  }
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** DynamoDB Local binds every interface, so that is where the port has to be free. */
export function canBind(port: number): Promise<boolean> {
  return new Promise((resolveBind) => {
    const server = createServer();
    server.once('error', () => resolveBind(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolveBind(true)));
  });
}

export async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(50);
  return condition();
}
