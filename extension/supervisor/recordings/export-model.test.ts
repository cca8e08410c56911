import { describe, expect, it } from 'vitest';
import { fakeSend, ok } from '../board-test-fixtures.ts';
import { createExportModel } from './export-model.ts';

const poll = (chunks: string[], done: number, finished = false, error: unknown = null) =>
  ok({ chunks, done, total: 2, finished, error });

function setup(answers: Record<string, unknown>) {
  const fake = fakeSend(answers);
  const files: { name: string; blob: Blob }[] = [];
  const progress: (number | null)[] = [];
  let m!: ReturnType<typeof createExportModel>;
  m = createExportModel(fake.send, {
    download: (blob, name) => files.push({ blob, name }),
    sleep: async () => {
      progress.push(m.percent.value);
    },
    now: () => Date.parse('2026-11-24T12:00:00Z'),
  });
  return { m, files, progress, sent: fake.sent };
}

describe('export model', () => {
  it('polls the running export, shows progress, and saves the whole text as one CSV file', async () => {
    const { m, files, progress, sent } = setup({
      'recordings.export': ok({ exportId: 'x1', total: 2 }),
      'recordings.exportPoll': [poll(['id,text\r\n', 'a,hi\r\n'], 1), poll(['b,yo\r\n'], 2, true)],
    });
    await m.start({ campaignId: 'c1' });
    expect(sent.map((s) => s.type)).toEqual([
      'recordings.export',
      'recordings.exportPoll',
      'recordings.exportPoll',
    ]);
    expect(sent[0]?.input).toEqual({ campaignId: 'c1' });
    expect(progress).toEqual([0, 50]);
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toMatch(/^pagedesk-recordings-2026-11-2\d\.csv$/);
    expect(await files[0]?.blob.text()).toBe('id,text\r\na,hi\r\nb,yo\r\n');
    expect(m.state.value).toEqual({ phase: 'done', count: 2 });
  });

  it('fails visibly when the export cannot start or breaks midway, saving nothing', async () => {
    const refused = setup({
      'recordings.export': {
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'Type at least 3 characters.' },
      },
    });
    await refused.m.start({ q: 'ab' });
    expect(refused.m.state.value).toMatchObject({ phase: 'failed', error: { code: 'BAD_REQUEST' } });

    const broken = setup({
      'recordings.export': ok({ exportId: 'x1', total: 2 }),
      'recordings.exportPoll': [
        poll(['id\r\n'], 0),
        poll([], 0, true, { code: 'NETWORK', message: 'Cut off.' }),
      ],
    });
    await broken.m.start({});
    expect(broken.m.state.value).toMatchObject({ phase: 'failed', error: { message: 'Cut off.' } });
    expect(broken.files).toEqual([]);
  });

  it('cancels: tells the background and stops polling', async () => {
    const { m, sent } = setup({
      'recordings.export': ok({ exportId: 'x1', total: 2 }),
      'recordings.exportPoll': [poll([], 0), poll([], 0), poll([], 0)],
      'recordings.exportCancel': ok({ ok: true }),
    });
    const running = m.start({});
    await new Promise((r) => setTimeout(r, 0));
    m.cancel();
    await running;
    expect(sent.map((s) => s.type)).toContain('recordings.exportCancel');
    expect(m.state.value).toEqual({ phase: 'idle' });
  });
});
