import { jsonLinesSink, Logger, type LogRecord } from './logger.js';

describe('Logger', () => {
  it('passes records at or above its level, with time, level, msg and the fields', () => {
    const records: LogRecord[] = [];
    const logger = new Logger(
      (record) => records.push(record),
      'info',
      () => Date.UTC(2030, 0, 1),
    );
    logger.debug('hidden');
    logger.info('listening', { udp: '127.0.0.1:3075' });
    logger.error('failed', { error: 'boom' });
    expect(records).toEqual([
      { time: '2030-01-01T00:00:00.000Z', level: 'info', msg: 'listening', udp: '127.0.0.1:3075' },
      { time: '2030-01-01T00:00:00.000Z', level: 'error', msg: 'failed', error: 'boom' },
    ]);
    expect([logger.enabled('debug'), logger.enabled('warn')]).toEqual([false, true]);
  });

  it('writes one JSON object per line', () => {
    const lines: string[] = [];
    const logger = new Logger(
      jsonLinesSink((line) => lines.push(line)),
      'debug',
      () => 0,
    );
    logger.warn('two\nlines', { reason: 'a "quoted"\nvalue' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]!.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      msg: 'two\nlines',
      reason: 'a "quoted"\nvalue',
    });
  });
});
