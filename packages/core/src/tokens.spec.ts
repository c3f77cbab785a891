import { Container } from 'inversify';
import { ManualClock } from './clock.js';
import { CoreTokens, serviceToken } from './tokens.js';

describe('CoreTokens', () => {
  test('are Symbol.for(@relaylane/core/<Name>), the same in every copy of the package', () => {
    expect(CoreTokens.Engine).toBe(Symbol.for('@relaylane/core/Engine'));
    expect(CoreTokens.GameClock).toBe(Symbol.for('@relaylane/core/GameClock'));
    expect(CoreTokens.RealTimeClock).toBe(Symbol.for('@relaylane/core/RealTimeClock'));
    expect(CoreTokens.MessageQueue).toBe(Symbol.for('@relaylane/core/MessageQueue'));
    expect(Object.keys(CoreTokens)).toEqual([
      'Engine',
      'GameClock',
      'RealTimeClock',
      'MessageQueue',
    ]);
  });

  test('serviceToken builds the namespaced symbol of another package', () => {
    expect(serviceToken<string>('steam-net-utils', 'NetworkingUtils')).toBe(
      Symbol.for('@relaylane/steam-net-utils/NetworkingUtils'),
    );
  });

  test('are typed: container.get returns the service type without a cast', () => {
    const container = new Container();
    container.bind(CoreTokens.GameClock).toConstantValue(new ManualClock(7));
    // `.now()` type-checks only because get() infers Clock from the token.
    expect(container.get(CoreTokens.GameClock).now()).toBe(7);
  });
});
