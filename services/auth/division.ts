// Division codes (GB/T 2260) without the seed's list of cities: the task store files a task under its city with
// this, and needs nothing else of ./principal.ts.

/** The city a division code lies in: a county's prefecture-level city, a city itself (GB/T 2260: the first four digits). */
export const cityOfDivision = (code: string) => `${code.slice(0, 4)}00`;
