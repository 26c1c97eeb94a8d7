import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClassifyCli } from '../../shared/classify/cli';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const line = (o: unknown) => `${JSON.stringify(o)}\n`;

describe('herald classify (runClassifyCli)', () => {
  it('writes one line per report, in input order, with the contract fields', async () => {
    const input = Readable.from([
      line({ id: 'a', title: 'Flooding in Pakistan', body: 'Floods hit Pakistan; shelter and food are needed.' }),
      line({ id: 'b', title: 'Border talks', body: 'Tajik and Afghan border guards met in Dushanbe.', dateline: 'DUSHANBE, Tajikistan', language: 'en' }),
      line({ id: 3, title: 'Выборы', body: 'Выборы прошли в Кыргызстане.' }),
    ]);
    const out = sink();
    const err = sink();
    const code = await runClassifyCli(input, out.stream, err.stream);
    expect(code).toBe(0);
    expect(err.text()).toBe('');
    const rows = out.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 3]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'countries', 'mentioned', 'primaryCountry', 'regions', 'themes', 'primaryTheme']));
    }
    expect(rows[0].countries).toEqual(['PAK']);
    expect(rows[1].countries).toContain('TJK');
    expect(rows[2].mentioned).toEqual(['KGZ']);
  });

  it('reports a malformed line on stderr by id or line number and goes on; exit code 1', async () => {
    const input = Readable.from([
      line({ id: 'ok1', title: 'Mali', body: 'Attacks in Mali.' }),
      '{not json\n',
      line({ id: 'bad', title: 5, body: 'x' }),
      line({ title: 'no id', body: 'x' }),
      '\n',
      line({ id: 'ok2', title: 'Chad', body: 'Refugees in Chad.' }),
    ]);
    const out = sink();
    const err = sink();
    const code = await runClassifyCli(input, out.stream, err.stream);
    expect(code).toBe(1);
    const rows = out.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['ok1', 'ok2']);
    const errors = err.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ line: 2 });
    expect(errors[1]).toMatchObject({ id: 'bad' });
    expect(errors[2]).toMatchObject({ line: 4 });
  });

  it('with --stats, ends with one stats line on stderr after the error lines', async () => {
    const input = Readable.from([line({ id: 'a', title: 'Floods', body: 'Floods hit Pakistan.' }), '{oops}\n', line({ id: 'b', title: 'Talks', body: 'Talks in Bishkek.' })]);
    const out = sink();
    const err = sink();
    const code = await runClassifyCli(input, out.stream, err.stream, { stats: true });
    expect(code).toBe(1);
    const lines = err.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ line: 2 });
    const { stats } = lines[1];
    expect(stats).toMatchObject({ reports: 2, failed: 1 });
    const characters = line({ id: 'a', title: 'Floods', body: 'Floods hit Pakistan.' }).length + '{oops}\n'.length + line({ id: 'b', title: 'Talks', body: 'Talks in Bishkek.' }).length;
    expect(stats.characters).toBe(characters);
    expect(stats.megabytes).toBe(characters / 1e6);
    expect(stats.peakRssMB).toBeGreaterThanOrEqual(stats.rssAtStartMB);
    expect(stats.rssAtStartMB).toBeGreaterThan(0);
  });

  it('without --stats, stderr holds only the error lines', async () => {
    const err = sink();
    await runClassifyCli(Readable.from([line({ id: 'a', title: 'Floods', body: 'Floods hit Pakistan.' })]), sink().stream, err.stream);
    expect(err.text()).toBe('');
  });

  it('streams with backpressure: 100,000 lines through a slow stdout', async () => {
    const N = 100_000;
    let produced = 0;
    const input = new Readable({
      read() {
        if (produced >= N) return void this.push(null);
        let chunk = '';
        for (let k = 0; k < 500 && produced < N; k++, produced++) chunk += line({ id: produced, title: 'x', body: 'Aid to Kabul.' });
        this.push(chunk);
      },
    });
    let received = 0;
    let lastId = -1;
    let ordered = true;
    let buffered = '';
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk, _enc, cb) {
        buffered += String(chunk);
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const id = JSON.parse(buffered.slice(0, nl)).id as number;
          if (id !== lastId + 1) ordered = false;
          lastId = id;
          received++;
          buffered = buffered.slice(nl + 1);
        }
        setImmediate(cb);
      },
    });
    const err = new PassThrough();
    const code = await runClassifyCli(input, out, err);
    await new Promise<void>((r) => out.end(() => r()));
    expect(code).toBe(0);
    expect(received).toBe(N);
    expect(ordered).toBe(true);
  }, 120_000);
});
