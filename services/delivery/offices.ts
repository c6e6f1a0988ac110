// Per-office delivery: a city bureau of a department (`<code>@<cityCode>`, the principal `department:<code>@<city>`)
// may have its own push endpoint and signing secret, as configuration (the deployment's `officeEndpoints`, one
// Secrets Manager secret per office; locally the hub's `offices` option). A task goes to the office of the city its
// jurisdiction lies in when that office is configured, else to the department's region-wide endpoint. Pure.

/** `<department code>@<six-digit city code>`. */
export const OFFICE_KEY = /^([a-z]+(?:-[a-z]+)*)@(\d{6})$/;

export const officeKey = (department: string, city: string) => `${department}@${city}`;

export function parseOfficeKey(key: string): { department: string; city: string } | undefined {
  const m = OFFICE_KEY.exec(key);
  return m ? { department: m[1]!, city: m[2]! } : undefined;
}

/** Where one office's tasks go and what signs them. */
export interface OfficeDelivery {
  endpointUrl: string;
  secret: () => Promise<string>;
}

/** The adapter's environment: the offices (city → endpoint, JSON) and each office's secret variable. */
export const OFFICES_ENV = 'DEPARTMENT_OFFICES';
export const officeSecretEnv = (city: string) => `OFFICE_${city}_SECRET`;

/** The endpoint and secret a task of `city` is pushed with: its office's when configured, else the department's. */
export function deliveryOf<T extends { endpointUrl?: string; secret: () => Promise<string>; offices?: Record<string, OfficeDelivery> }>(
  config: T,
  city: string | undefined,
): { endpointUrl?: string; secret: () => Promise<string>; office?: string } {
  const office = city ? config.offices?.[city] : undefined;
  return office ? { ...office, office: city } : { endpointUrl: config.endpointUrl, secret: config.secret };
}
