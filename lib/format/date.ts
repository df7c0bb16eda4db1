/** Dates for readers and the newsroom: Arabic month names of the configured locale (ar-IQ: كانون الثاني). */
export type DateFormatSettings = { locale: string; timeZone: string; numberingSystem: 'latn' | 'arab' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(settings: DateFormatSettings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([settings, options]);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(settings.locale, {
      ...options,
      timeZone: settings.timeZone,
      numberingSystem: settings.numberingSystem,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** "5 كانون الثاني 2024" */
export function formatArabicDate(date: Date, settings: DateFormatSettings): string {
  return formatter(settings, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "5 كانون الثاني 2024، 12:00 م" style, for the newsroom. */
export function formatArabicDateTime(date: Date, settings: DateFormatSettings): string {
  return formatter(settings, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}
