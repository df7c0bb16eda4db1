import { describe, expect, it } from 'vitest';
import { formatArabicDate, formatArabicDateTime } from './date';

const iraq = { locale: 'ar-IQ', timeZone: 'Asia/Baghdad', numberingSystem: 'latn' } as const;

describe('formatArabicDate', () => {
  it('uses Iraqi month names and Latin digits by default', () => {
    expect(formatArabicDate(new Date('2024-01-05T09:00:00Z'), iraq)).toBe('5 كانون الثاني 2024');
  });

  it('uses the newsroom time zone for the calendar day', () => {
    // 22:30 UTC on 4 January is already 5 January in Baghdad (UTC+3).
    expect(formatArabicDate(new Date('2024-01-04T22:30:00Z'), iraq)).toBe('5 كانون الثاني 2024');
  });

  it('follows the configured locale and digits', () => {
    const egypt = { locale: 'ar-EG', timeZone: 'Africa/Cairo', numberingSystem: 'arab' } as const;
    expect(formatArabicDate(new Date('2024-01-05T09:00:00Z'), egypt)).toBe('٥ يناير ٢٠٢٤');
  });

  it('formats date and time for the newsroom', () => {
    const text = formatArabicDateTime(new Date('2024-10-17T09:05:00Z'), iraq);
    expect(text).toContain('تشرين الأول');
    expect(text).toContain('12:05');
  });
});
