/** The text left out of drizzle-orm/entity.js (is()'s check of the class it is asked about). */
export const ENTITY_LEFT_OUT: string;
/** drizzle-orm/entity.js's text as src/generated/drizzle-entity.js (see drizzle-entity.mjs). */
export function trimEntity(source: string): string;
