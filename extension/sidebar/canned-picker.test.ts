import { describe, expect, it } from 'vitest';
import { createCannedPicker, filterCanned } from './canned-picker.ts';

const responses = [
  { title: 'Hello', text: 'Hi! How can we help?' },
  { title: 'Envío', text: 'Enviamos a todo el país en 3 días.' },
  { title: 'Shipping', text: 'We ship everywhere in 3 days.' },
];

describe('canned responses picker', () => {
  it('filters by title or text, every word, ignoring case and accents', () => {
    expect(filterCanned(responses, '').map((r) => r.title)).toEqual(['Hello', 'Envío', 'Shipping']);
    expect(filterCanned(responses, 'envio').map((r) => r.title)).toEqual(['Envío']);
    expect(filterCanned(responses, '3 DAYS').map((r) => r.title)).toEqual(['Shipping']);
    expect(filterCanned(responses, 'help hi').map((r) => r.title)).toEqual(['Hello']);
    expect(filterCanned(responses, 'nothing like this')).toEqual([]);
  });

  it('moves the highlight with the arrow keys, wrapping around, and restarts on a new search', () => {
    const picker = createCannedPicker(() => responses);
    picker.show();
    expect(picker.current()?.title).toBe('Hello');
    picker.move(-1);
    expect(picker.current()?.title).toBe('Shipping');
    picker.move(1);
    picker.move(1);
    expect(picker.current()?.title).toBe('Envío');
    picker.search('ship');
    expect(picker.active.value).toBe(0);
    expect(picker.current()?.title).toBe('Shipping');
    picker.search('zzz');
    picker.move(1);
    expect(picker.current()).toBeNull();
    picker.hide();
    expect(picker.open.value).toBe(false);
  });
});
