/**
 * Wall-clock times in a named time zone ↔ UTC instants, with Intl only (no time-zone library).
 *
 * The newsroom enters a schedule as a local date and time (`<input type="datetime-local">`, "2025-03-30T09:30") in
 * its own time zone (MIDAD_TIME_ZONE); the database stores the UTC instant.
 */

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockAt(instant: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Baghdad: +3 h). */
export function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a local date-time ("YYYY-MM-DDTHH:mm" or with ":ss") in `timeZone`, or null when the string is
 * not such a date-time (or names a day that does not exist, like 31 April).
 *
 * Daylight saving: a local time that happens twice (clocks go back) is the first of the two; one that does not exist
 * (clocks go forward, e.g. 02:30 on the spring-forward night in Berlin) is moved forward by the gap (03:30), as
 * browsers and Temporal's default do.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATETIME.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallAsUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;

  // The offset a few hours before and after the wall time brackets any transition near it.
  const offsetBefore = timeZoneOffsetMs(wallAsUtc - 12 * 3_600_000, timeZone);
  const offsetAfter = timeZoneOffsetMs(wallAsUtc + 12 * 3_600_000, timeZone);
  const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
    (instant) => wallAsUtc - instant === timeZoneOffsetMs(instant, timeZone),
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // A gap (spring forward): the wall time does not exist; shift it by the gap, i.e. use the offset from before.
  return new Date(wallAsUtc - offsetBefore);
}

/** The local date-time ("YYYY-MM-DDTHH:mm") of an instant in `timeZone`: the value for a datetime-local input. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant.getTime(), timeZone);
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}
