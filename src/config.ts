import type { Bindings } from './env';

/** What shapes the app at build time; everything else is read per request from the env. */
export interface AppConfig {
  /** Mount point on the platform's domain, e.g. "/kontakte"; '' at the root. */
  basePath: string;
  /** CSP frame-ancestors sources; "'none'" unless the platform embeds Kontakte. */
  frameAncestors: string[];
}

/** The one place that reads and normalises BASE_PATH and FRAME_ANCESTORS. */
export function configOf(env: Bindings): AppConfig {
  const trimmed = (env.BASE_PATH ?? '').trim().replace(/\/+$/, '');
  const basePath = trimmed && !trimmed.startsWith('/') ? `/${trimmed}` : trimmed;
  const frameAncestors = (env.FRAME_ANCESTORS ?? '').split(/[\s,]+/).filter(Boolean);
  return { basePath, frameAncestors: frameAncestors.length ? frameAncestors : ["'none'"] };
}

/** Largest request body accepted (contract §6: 413 above it); the dev login and every app path. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The .vcf upload may be larger (photos make real exports large; contract §4): 5 MB. */
export const MAX_IMPORT_BODY_BYTES = 5 * 1024 * 1024;
