import { countCharacters } from '@/lib/editor/limits';

const numbers = new Intl.NumberFormat('ar-u-nu-latn');

/** «٤٥ من ٩٠ حرفًا موصى بها», in the warning colour when over. */
export function LengthCounter({ id, value, recommended }: { id: string; value: string; recommended: number }) {
  const length = countCharacters(value);
  const over = length > recommended;
  return (
    <p id={id} className={over ? 'length-counter length-counter--over' : 'length-counter'} data-over={over || undefined}>
      {numbers.format(length)} من {numbers.format(recommended)} حرفًا موصى بها
      {over ? ` — أطول من الموصى به بـ ${numbers.format(length - recommended)}` : ''}
    </p>
  );
}
