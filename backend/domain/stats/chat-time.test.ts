import { describe, expect, it } from 'vitest';
import { chatsOverTimeAt } from './chat-time.ts';
import { at, interaction } from './test-fixtures.ts';

const CHAT_TIME = 600; // seconds

describe('chatsOverTimeAt', () => {
  it('flags an active chat only once it is older than chat time, counted from its first assignment', () => {
    // Queued at 0, first assigned at 100: over chat time after 100 + 600 = 700 s.
    const chat = interaction('c1', [
      ['queued', 0],
      ['assigned', 100, 'A'],
      ['answered', 120, 'A'],
    ]);
    expect(chatsOverTimeAt([chat], at(700), CHAT_TIME)).toEqual([]);
    expect(chatsOverTimeAt([chat], at(700) + 1, CHAT_TIME).map((i) => i.id)).toEqual(['c1']);
  });

  it('keeps counting from the first assignment across a re-queue', () => {
    const requeued = interaction('c1', [
      ['queued', 0],
      ['assigned', 100, 'A'],
      ['queued', 200, null],
      ['assigned', 250, 'B'],
    ]);
    // 100 + 600 = 700 s, not 250 + 600.
    expect(chatsOverTimeAt([requeued], at(701), CHAT_TIME).map((i) => i.id)).toEqual(['c1']);
  });

  it('ignores waiting and ended interactions, and lists the oldest chat first', () => {
    const found = chatsOverTimeAt(
      [
        interaction('waiting', [['queued', 0]]),
        interaction('done', [
          ['queued', 0],
          ['assigned', 1, 'A'],
          ['completed', 2000, 'A'],
        ]),
        interaction('newer', [
          ['queued', 0],
          ['assigned', 300, 'A'],
        ]),
        interaction('older', [
          ['queued', 0],
          ['assigned', 200, 'A'],
        ]),
      ],
      at(2000),
      CHAT_TIME,
    );
    expect(found.map((i) => i.id)).toEqual(['older', 'newer']);
  });

  it('starts the clock at the queuing when the assignment row is missing', () => {
    const noAssignedRow = interaction('c1', [
      ['queued', 0],
      ['answered', 50, 'A'],
    ]);
    expect(chatsOverTimeAt([noAssignedRow], at(600), CHAT_TIME)).toEqual([]);
    expect(chatsOverTimeAt([noAssignedRow], at(600) + 1, CHAT_TIME)).toHaveLength(1);
  });
});
