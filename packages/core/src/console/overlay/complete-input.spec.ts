import { CommandRegistry } from '../command-registry.js';
import { completeInput } from './complete-input.js';

function registry(): CommandRegistry {
  const commands = new CommandRegistry();
  for (const name of ['help', 'history', 'net.ping', 'net.pops']) {
    commands.register({
      name,
      help: '',
      args: [{ name: 'mode', type: 'enum', choices: ['fast', 'slow'], optional: true }],
      handler: () => undefined,
    });
  }
  return commands;
}

describe('completeInput', () => {
  it('inserts a single finished candidate followed by a space', () => {
    expect(completeInput(registry(), 'net.pi', 6)).toEqual({
      value: 'net.ping ',
      cursor: 9,
      choices: [],
    });
  });

  it('inserts a namespace without a space', () => {
    expect(completeInput(registry(), 'n', 1)).toEqual({ value: 'net.', cursor: 4, choices: [] });
  });

  it('completes several candidates to their common prefix and lists them', () => {
    expect(completeInput(registry(), 'h', 1)).toEqual({
      value: 'h',
      cursor: 1,
      choices: ['help', 'history'],
    });
    expect(completeInput(registry(), 'hi', 2).value).toBe('history ');
  });

  it('completes an argument and keeps the text after the cursor, adding no second space', () => {
    expect(completeInput(registry(), 'help f rest', 6)).toEqual({
      value: 'help fast rest',
      cursor: 9,
      choices: [],
    });
  });

  it('leaves the input as it is when nothing matches', () => {
    expect(completeInput(registry(), 'zz', 2)).toEqual({ value: 'zz', cursor: 2, choices: [] });
  });
});
