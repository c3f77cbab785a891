import { PassThrough } from 'node:stream';

import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';

describe('exitQuietlyOnBrokenPipe', () => {
  it('ends the process quietly when the reader went away (EPIPE)', () => {
    const output = new PassThrough();
    const exits: number[] = [];
    exitQuietlyOnBrokenPipe(output, (code) => exits.push(code));
    output.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
  });

  it('lets any other write error through', () => {
    const output = new PassThrough();
    exitQuietlyOnBrokenPipe(output, () => undefined);
    expect(() =>
      output.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    ).toThrow('disk full');
  });
});
