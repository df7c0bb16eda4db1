// @ts-check
'use strict';

/**
 * MIDAD_COMPRESS (declared, documented and validated with every other variable in lib/config/env.ts; read here too
 * because next.config.js, which Next loads itself, needs it): on unless set, and then only 1/true/yes/on turn it on.
 * A file of its own: next.config.js may export nothing but the config (Next warns about unknown keys).
 * @param {string | undefined} value
 */
function compressFlag(value) {
  return value === undefined || ['1', 'true', 'yes', 'on'].includes(value);
}

module.exports = { compressFlag };
