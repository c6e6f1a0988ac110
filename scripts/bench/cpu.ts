// Where the time goes between the two processes of a run: CPU seconds of this process (handlers, gateway, pollers,
// fauxqs, simulators) and of the DynamoDB Local JVM serving `endpoint`, from /proc (Linux; elsewhere the JVM reads 0).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function jvmPid(port: string): number | undefined {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a.includes('DynamoDBLocal')) && args.includes(port)) return Number(pid);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

export function cpuMeter(dynamodbEndpoint: string) {
  const pid = jvmPid(new URL(dynamodbEndpoint).port);
  const jvmSeconds = () => {
    if (!pid) return 0;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      return 0;
    }
  };
  const ownSeconds = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const start = { own: ownSeconds(), jvm: jvmSeconds() };
  return { found: pid !== undefined, read: () => ({ hubCpuSeconds: ownSeconds() - start.own, dynamodbCpuSeconds: jvmSeconds() - start.jvm }) };
}
