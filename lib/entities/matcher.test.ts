import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityMatcher, type EntityEntry, type EntityMatch } from './matcher';
import { normalizeArabic } from './normalize';

/** (entity id, original substring) of each match. */
function found(entries: EntityEntry[], text: string): Array<[string, string]> {
  return createEntityMatcher(entries)
    .findMatches(text)
    .map((match) => [match.entityId, text.slice(match.start, match.end)]);
}

const one = (name: string, ...aliases: string[]): EntityEntry[] => [{ entityId: name, names: [name, ...aliases] }];

describe('clitics', () => {
  it('strips و before a name (وسوريا → سوريا)', () => {
    expect(found(one('سوريا'), 'داخل العراق وسوريا يعرض')).toEqual([['سوريا', 'سوريا']]);
  });

  it('strips ل before a multi-word name (لهيئة الحشد الشعبي, لحركة النجباء)', () => {
    const entries = [...one('هيئة الحشد الشعبي', 'الحشد الشعبي', 'الحشد'), ...one('حركة النجباء', 'النجباء')];
    expect(found(entries, 'استهدف مقراً لهيئة الحشد الشعبي أمس')).toEqual([['هيئة الحشد الشعبي', 'هيئة الحشد الشعبي']]);
    expect(found(entries, 'الذي ينتمي لحركة النجباء.')).toEqual([['حركة النجباء', 'حركة النجباء']]);
  });

  it('strips ب before an alias (باسم البنتاغون → البنتاغون; باسم is not a name)', () => {
    const entries = one('وزارة الدفاع الأمريكية', 'البنتاغون');
    const matches = createEntityMatcher(entries).findMatches('المتحدث باسم البنتاغون، بات رايدر');
    expect(matches).toEqual([
      { entityId: 'وزارة الدفاع الأمريكية', start: 13, end: 22, matchedName: 'البنتاغون' },
    ]);
    expect(found(entries, 'وبالبنتاغون')).toEqual([['وزارة الدفاع الأمريكية', 'البنتاغون']]);
  });

  it('accepts (و|ف)?(ب|ك|ل)? and nothing else', () => {
    const entries = one('سوريا');
    for (const prefix of ['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'وك', 'ول', 'فب', 'فك', 'فل']) {
      expect(found(entries, `في ${prefix}سوريا.`), prefix).toEqual([['سوريا', 'سوريا']]);
    }
    for (const prefix of ['بو', 'لو', 'وو', 'وف', 'بب', 'لل', 'ولب', 'س', 'ال', 'م']) {
      expect(found(entries, `في ${prefix}سوريا.`), prefix).toEqual([]);
    }
  });

  it('reads لل as ل + ال: the mark starts at the second ل (the article), not at the preposition', () => {
    const entries = one('الأمم المتحدة');
    const text = 'رسالة للأمم المتحدة اليوم';
    const [match] = createEntityMatcher(entries).findMatches(text);
    expect(match).toBeDefined();
    expect(text.slice(match!.start, match!.end)).toBe('لأمم المتحدة');
    expect(text[match!.start - 1]).toBe('ل');
    expect(found(entries, 'وللأمم المتحدة')).toEqual([['الأمم المتحدة', 'لأمم المتحدة']]);
    expect(found(entries, 'فللأمم المتحدة')).toEqual([['الأمم المتحدة', 'لأمم المتحدة']]);
    expect(found(one('العراق'), 'وللعراق')).toEqual([['العراق', 'لعراق']]);
    // The elided form needs the preposition: لأمم alone, or after ب/ك, is not الأمم.
    expect(found(entries, 'لأمم المتحدة')).toEqual([]);
    expect(found(entries, 'بلأمم المتحدة')).toEqual([]);
    expect(found(entries, 'ملأمم المتحدة')).toEqual([]);
  });

  it('handles و/ف + ب/ك + ال', () => {
    const entries = one('العراق');
    for (const word of ['العراق', 'والعراق', 'فالعراق', 'بالعراق', 'كالعراق', 'وبالعراق', 'فكالعراق']) {
      expect(found(entries, `قال ${word} اليوم`), word).toEqual([['العراق', 'العراق']]);
    }
  });

  it('does not treat ال as a free clitic (حماس is not الحماس)', () => {
    expect(found(one('حماس'), 'بكل الحماس')).toEqual([]);
    expect(found(one('حماس'), 'قالت حماس وبحماس')).toEqual([
      ['حماس', 'حماس'],
      ['حماس', 'حماس'],
    ]);
  });

  it('prefers the whole word when a clitic reading gives the same range', () => {
    const entries = [...one('بابل'), ...one('ابل')];
    expect(found(entries, 'في بابل')).toEqual([['بابل', 'بابل']]);
    // ل + لبنان and لل-elided البنان read the same letters: the reading without elision wins.
    const lebanon = [...one('لبنان'), ...one('البنان')];
    expect(found(lebanon, 'للبنان')).toEqual([['لبنان', 'لبنان']]);
  });
});

describe('boundaries', () => {
  it('never matches inside a longer word', () => {
    expect(found(one('داد'), 'بغداد وبغدادي')).toEqual([]);
    expect(found(one('بغداد'), 'البغدادي بغداديون ببغدادهم')).toEqual([]);
    expect(found(one('العراق'), 'المساعدة العراقية والعراقيين')).toEqual([]);
    expect(found(one('غزة'), 'مغزة غزتين')).toEqual([]);
  });

  it('treats Arabic and Latin punctuation, whitespace and digits as boundaries', () => {
    const entries = one('العراق');
    const text = '«العراق»، "العراق"؛ العراق؟ (العراق) العراق. العراق-العراق 2024العراق العراق2024 العراق،';
    expect(found(entries, text)).toHaveLength(10);
  });

  it('keeps digit runs whole: a numeric name does not match inside a longer number', () => {
    expect(found(one('G20'), 'قمة G20 وG200 وxG20')).toEqual([['G20', 'G20']]);
    expect(found(one('20'), '2024 و20 و٢٠')).toEqual([
      ['20', '20'],
      ['20', '٢٠'],
    ]);
  });

  it('matches Latin names case-insensitively at word boundaries', () => {
    expect(found(one('Pentagon', 'CENTCOM'), 'the PENTAGON, centcom; Pentagons')).toEqual([
      ['Pentagon', 'PENTAGON'],
      ['Pentagon', 'centcom'],
    ]);
  });
});

describe('normalization in matching', () => {
  it('matches الامريكية against the registered القوات الأمريكية', () => {
    const matches = createEntityMatcher(one('القوات الأمريكية')).findMatches('كشفت القوات الامريكية، اليوم');
    expect(matches).toEqual([{ entityId: 'القوات الأمريكية', start: 5, end: 21, matchedName: 'القوات الأمريكية' }]);
  });

  it('matches through harakat, tatweel, bidi controls and whitespace runs, covering trailing harakat', () => {
    const entries = one('الولايات المتحدة');
    const text = 'مع الوِلاياتِ \u200F \t\u00A0 المُتَّحـدةِ، اليوم';
    expect(found(entries, text)).toEqual([['الولايات المتحدة', 'الوِلاياتِ \u200F \t\u00A0 المُتَّحـدةِ']]);
  });

  it('matches presentation forms pasted from a PDF', () => {
    expect(found(one('العراق'), 'في \uFE8D\uFEDF\uFECC\uFEAE\uFE8D\uFED5 اليوم')).toEqual([
      ['العراق', '\uFE8D\uFEDF\uFECC\uFEAE\uFE8D\uFED5'],
    ]);
  });

  it('registers names in any spelling: harakat, hamza forms, Persian letters', () => {
    expect(found(one('إيران'), 'ايران وإيران وأيران')).toHaveLength(3);
    expect(found(one('مُحَمَّد'), 'محمد')).toEqual([['مُحَمَّد', 'محمد']]);
    expect(found(one('کرمانشاہ'), 'كرمانشاه')).toHaveLength(1);
  });

  it('matches multi-word names across whitespace runs but never across a line break', () => {
    const entries = one('بغداد اليوم');
    expect(found(entries, 'بغداد   اليوم')).toEqual([['بغداد اليوم', 'بغداد   اليوم']]);
    expect(found(entries, 'بغداد\nاليوم')).toEqual([]);
    expect(found(entries, 'بغداد \r\n اليوم')).toEqual([]);
    expect(found(entries, 'بغداد\u2029اليوم')).toEqual([]);
    expect(found([...entries, ...one('بغداد')], 'بغداد\nاليوم')).toEqual([['بغداد', 'بغداد']]);
  });
});

describe('longest match', () => {
  it('takes the leftmost-longest name and never overlaps', () => {
    const entries = [...one('القيادة الوسطى الأمريكية'), { entityId: 'us', names: ['الأمريكية'] }];
    expect(found(entries, 'وأفادت القيادة الوسطى الأمريكية، بانه')).toEqual([
      ['القيادة الوسطى الأمريكية', 'القيادة الوسطى الأمريكية'],
    ]);
    expect(found(entries, 'الوسطى الأمريكية')).toEqual([['us', 'الأمريكية']]);
  });

  it('prefers قوات التحالف الدولي over التحالف الدولي over التحالف', () => {
    const entries: EntityEntry[] = [
      { entityId: 'coalition', names: ['قوات التحالف الدولي'] },
      { entityId: 'coalition-short', names: ['التحالف الدولي'] },
      { entityId: 'alliance', names: ['التحالف'] },
    ];
    expect(found(entries, 'ضد قوات التحالف الدولي الذي')).toEqual([['coalition', 'قوات التحالف الدولي']]);
    expect(found(entries, 'ضمن التحالف الدولي الذي')).toEqual([['coalition-short', 'التحالف الدولي']]);
    expect(found(entries, 'تقدير التحالف الجهود')).toEqual([['alliance', 'التحالف']]);
  });

  it('falls back to a shorter name when the longer one does not end at a boundary', () => {
    const entries = [...one('الحرب في غزة'), ...one('غزة'), ...one('الحرب')];
    expect(found(entries, 'الحرب في غزة، وغزة')).toEqual([
      ['الحرب في غزة', 'الحرب في غزة'],
      ['غزة', 'غزة'],
    ]);
    expect(found(entries, 'الحرب في غزتين')).toEqual([['الحرب', 'الحرب']]);
  });
});

describe('registry', () => {
  it('ignores empty and whitespace-only names, and names without a letter or digit', () => {
    const matcher = createEntityMatcher([{ entityId: 'x', names: ['', '   ', '\u200F', '،', '-', ' بغداد '] }]);
    expect(matcher.nameCount).toBe(1);
    expect(matcher.findMatches('، - بغداد')).toEqual([{ entityId: 'x', start: 4, end: 9, matchedName: 'بغداد' }]);
  });

  it('prefers a canonical name over another entity’s alias with the same form, then the earlier entry', () => {
    const matcher = createEntityMatcher([
      { entityId: 'first', names: ['ألف', 'باء'] },
      { entityId: 'second', names: ['الف'] },
      { entityId: 'third', names: ['تاء', 'باء'] },
      { entityId: 'fourth', names: ['باء'] },
    ]);
    expect(matcher.nameCount).toBe(3);
    expect(matcher.findMatches('الف باء').map((match) => match.entityId)).toEqual(['first', 'fourth']);
    const aliasesOnly = createEntityMatcher([
      { entityId: 'a', names: ['س', 'جيم'] },
      { entityId: 'b', names: ['ص', 'جيم'] },
    ]);
    expect(aliasesOnly.findMatches('جيم')[0]?.entityId).toBe('a');
  });

  it('returns nothing for an empty registry or text', () => {
    expect(createEntityMatcher([]).findMatches('بغداد')).toEqual([]);
    expect(createEntityMatcher(one('بغداد')).findMatches('')).toEqual([]);
  });
});

describe('excludeRanges', () => {
  it('never touches excluded text, and excluded text keeps its word boundaries', () => {
    const matcher = createEntityMatcher([...one('قوات التحالف الدولي'), ...one('العراق'), ...one('التحالف')]);
    const text = 'قوات التحالف الدولي في العراق';
    expect(matcher.findMatches(text, { excludeRanges: [{ start: 0, end: 4 }] }).map((m) => m.matchedName)).toEqual([
      'التحالف',
      'العراق',
    ]);
    // Excluding the suffix of a word does not make its stem a whole word.
    const iraq = createEntityMatcher(one('العراق'));
    expect(iraq.findMatches('العراقية', { excludeRanges: [{ start: 6, end: 8 }] })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Properties

const LETTERS = ['ا', 'ل', 'و', 'ف', 'ب', 'ك', 'س', 'ر', 'ي', 'ه'];
const nameArbitrary = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...LETTERS, ...LETTERS, ' '), { minLength: 1, maxLength: 6 }))
  .map(([withArticle, letters]) => (withArticle ? 'ال' : '') + letters.join(''));
const registryArbitrary = fc.array(
  fc.record({
    entityId: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'),
    names: fc.array(nameArbitrary, { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);
const CLITICS = ['', '', '', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'وك', 'ول', 'فل', 'لو', 'س'];
/**
 * A registry and an already-normalized text (original offsets = normalized offsets) built from its names, with
 * clitics (valid and not), the لل contraction, stray letters, spaces, punctuation and digits.
 */
const scenarioArbitrary = registryArbitrary.chain((entries) => {
  const names = entries.flatMap((entry) => entry.names);
  const piece = fc.oneof(
    fc.tuple(fc.constantFrom(...CLITICS), fc.constantFrom(...names), fc.boolean()).map(([clitic, name, elide]) =>
      elide && clitic.endsWith('ل') && name.startsWith('ال') ? clitic + name.slice(1) : clitic + name,
    ),
    fc.constantFrom(...LETTERS),
    fc.constantFrom(' ', ' ', ' ', '،', '1'),
  );
  const separator = fc.constantFrom(' ', ' ', ' ', '', '، ');
  const text = fc
    .array(fc.tuple(piece, separator), { maxLength: 12 })
    .map((pieces) => pieces.flat().join('').replace(/ +/g, ' '));
  return fc.tuple(fc.constant(entries), text);
});

const CLASS_PATTERN = { letter: /^[\p{L}\p{M}]$/u, digit: /^\p{Nd}$/u };
function characterClass(character: string | undefined): string {
  if (character === undefined) return 'edge';
  if (CLASS_PATTERN.letter.test(character)) return 'letter';
  if (CLASS_PATTERN.digit.test(character)) return 'digit';
  return 'other';
}

/** Brute force over every name at every position, with the documented rules. Text must be normalized. */
function referenceMatches(entries: EntityEntry[], text: string): EntityMatch[] {
  const byForm = new Map<string, { entityId: string; matchedName: string; canonical: boolean }>();
  for (const entry of entries) {
    entry.names.forEach((name, index) => {
      const form = normalizeArabic(name).trim();
      if (form === '' || ![...form].some((c) => characterClass(c) !== 'other')) return;
      const existing = byForm.get(form);
      if (existing === undefined || (index === 0 && !existing.canonical)) {
        byForm.set(form, { entityId: entry.entityId, matchedName: name.trim(), canonical: index === 0 });
      }
    });
  }
  const boundary = (p: number): boolean => {
    if (p <= 0 || p >= text.length) return true;
    const here = characterClass(text[p]);
    return here === 'other' || here !== characterClass(text[p - 1]);
  };
  const readings: Array<{ prefix: string; elided: boolean }> = [
    ...['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'وك', 'ول', 'فب', 'فك', 'فل'].map((prefix) => ({ prefix, elided: false })),
    ...['ل', 'ول', 'فل'].map((prefix) => ({ prefix, elided: true })),
  ];
  const matches: EntityMatch[] = [];
  let p = 0;
  while (p < text.length) {
    if (!boundary(p)) {
      p++;
      continue;
    }
    let best: { start: number; end: number; elided: boolean; form: string } | null = null;
    for (const { prefix, elided } of readings) {
      if (!text.startsWith(prefix, p)) continue;
      const start = p + prefix.length;
      if (prefix !== '' && characterClass(text[start]) !== 'letter') continue;
      for (const form of byForm.keys()) {
        if (elided && !form.startsWith('ال')) continue;
        const written = elided ? form.slice(1) : form;
        if (!text.startsWith(written, start) || !boundary(start + written.length)) continue;
        const end = start + written.length;
        const better =
          best === null ||
          end > best.end ||
          (end === best.end && (start < best.start || (start === best.start && !elided && best.elided)));
        if (better) best = { start, end, elided, form };
      }
    }
    if (best === null) {
      p++;
      continue;
    }
    const record = byForm.get(best.form)!;
    matches.push({ entityId: record.entityId, start: best.start, end: best.end, matchedName: record.matchedName });
    p = best.end;
  }
  return matches;
}

const NOISE_AFTER_LETTER = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0670', 'ـ'];
const INVISIBLE = ['\u200F', '\u200E', '\u061C', '\u200C', '\u2067', '\u2069', '\uFEFF'];
const SPACES = [' ', '  ', '\t', '\u00A0', ' \u2003'];

/** Same text as the matcher sees it, with harakat, tatweel, bidi controls and odd whitespace injected. */
const noisyArbitrary = (clean: string) =>
  fc
    .array(fc.tuple(fc.nat(NOISE_AFTER_LETTER.length * 3), fc.nat(INVISIBLE.length * 4), fc.nat(SPACES.length - 1)), {
      minLength: clean.length,
      maxLength: clean.length,
    })
    .map((noise) =>
      [...clean]
        .map((character, i) => {
          const [mark, invisible, space] = noise[i]!;
          const before = INVISIBLE[invisible] ?? '';
          if (character === ' ') return before + SPACES[space]!;
          const after = characterClass(character) === 'letter' ? (NOISE_AFTER_LETTER[mark] ?? '') : '';
          return before + character + after;
        })
        .join(''),
    );

describe('matcher properties', () => {
  it('agrees with a brute-force reference on normalized text', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([entries, text]) => {
        expect(createEntityMatcher(entries).findMatches(text)).toEqual(referenceMatches(entries, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on noisy text: ordered, non-overlapping, slices normalize to registered names, same as on clean text', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary.chain(([entries, clean]) =>
          fc.tuple(fc.constant(entries), fc.constant(clean), noisyArbitrary(clean)),
        ),
        ([entries, clean, noisy]) => {
          const matcher = createEntityMatcher(entries);
          const matches = matcher.findMatches(noisy);
          const forms = new Set(entries.flatMap((entry) => entry.names.map((name) => normalizeArabic(name).trim())));
          let previousEnd = 0;
          for (const match of matches) {
            expect(match.start).toBeGreaterThanOrEqual(previousEnd);
            expect(match.end).toBeGreaterThan(match.start);
            previousEnd = match.end;
            const slice = normalizeArabic(noisy.slice(match.start, match.end));
            const form = normalizeArabic(match.matchedName).trim();
            expect(forms.has(form)).toBe(true);
            expect(slice === form || (form.startsWith('ال') && slice === form.slice(1))).toBe(true);
          }
          const cleanMatches = matcher.findMatches(clean);
          expect(matches.map((m) => [m.entityId, m.matchedName])).toEqual(
            cleanMatches.map((m) => [m.entityId, m.matchedName]),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
