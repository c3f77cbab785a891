import { PassThrough } from 'node:stream';

import { escapeTerminalControls, printResult } from './print-result.js';

function written(stream: PassThrough): string {
  return (stream.read() as Buffer | null)?.toString() ?? '';
}

describe('printResult', () => {
  it('writes control characters a terminal would act on as \\xNN, from a result and from a table', () => {
    const output = new PassThrough();
    const errorOutput = new PassThrough();
    printResult(
      {
        ok: true,
        clear: false,
        output: [
          'Evil\u001b]0;pwned\u0007\u001b[31mRED',
          { columns: ['POP', 'Place'], rows: [['fra', 'a\u009bb\u0000c']] },
        ],
      },
      { output, errorOutput },
      true,
    );
    const text = written(output);
    // eslint-disable-next-line no-control-regex -- the controls are what the test looks for
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('Evil\\x1b]0;pwned\\x07\\x1b[31mRED');
    expect(text).toContain('a\\x9bb\\x00c');
  });

  it('keeps tabs, newlines and every printable character, Unicode included', () => {
    expect(escapeTerminalControls('a\tb — Zürich 🦀')).toBe('a\tb — Zürich 🦀');
  });
});
