import { ConsoleError } from './console-error.js';
import { ConsoleHistory } from './console-history.js';

describe('ConsoleHistory', () => {
  it('keeps lines oldest first, trimmed, without blank ones', () => {
    const history = new ConsoleHistory();
    history.add(' help ');
    history.add('   ');
    history.add('plugins');
    expect(history.lines).toEqual(['help', 'plugins']);
  });

  it('keeps a line repeated in a row once, but not a line repeated later', () => {
    const history = new ConsoleHistory();
    for (const line of ['help', 'help', 'plugins', 'help']) history.add(line);
    expect(history.lines).toEqual(['help', 'plugins', 'help']);
  });

  it('drops the oldest lines beyond its limit', () => {
    const history = new ConsoleHistory(3);
    for (const line of ['a', 'b', 'c', 'd', 'e']) history.add(line);
    expect(history.lines).toEqual(['c', 'd', 'e']);
  });

  it('hands out copies, so callers cannot edit it', () => {
    const history = new ConsoleHistory();
    history.add('help');
    (history.lines as string[]).push('forged');
    expect(history.lines).toEqual(['help']);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new ConsoleHistory(0)).toThrow(ConsoleError);
  });
});
