import type { DateFormatSettings } from '../format/date';
import { getEnv } from './env';

/** Site-wide settings derived from the environment, for pages and feeds. */
export function getDateSettings(): DateFormatSettings {
  const env = getEnv();
  return { locale: env.MIDAD_LOCALE, timeZone: env.MIDAD_TIME_ZONE, numberingSystem: env.MIDAD_NUMBERING_SYSTEM };
}

export function getSiteName(): string {
  return getEnv().MIDAD_SITE_NAME;
}
