// One config reader. A missing variable fails at cold start with its name, not at the first request.

export function getStringFromEnv(name: string, fallback?: string): string {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`environment variable ${name} is required but not set`);
}

export function getNumberFromEnv(name: string, fallback?: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    throw new Error(`environment variable ${name} is required but not set`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`environment variable ${name} must be a number, got ${raw}`);
  return value;
}

export function getJsonFromEnv<T>(name: string): T {
  const raw = getStringFromEnv(name);
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(`environment variable ${name} must be JSON`);
  }
}
