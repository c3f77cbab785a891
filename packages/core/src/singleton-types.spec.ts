// The typed singleton API, checked by the compiler: `pnpm run typecheck` compiles this file
// (tsconfig.tests.json includes every spec), and each `@ts-expect-error` line fails that build
// if the error it expects ever goes away. Jest runs the lines that are meant to run.
import { ContainerModule } from 'inversify';
import { Engine } from './engine.js';
import { MessageQueue } from './message-queue.js';
import { Plugin } from './plugin.js';
import { serviceToken } from './tokens.js';

class Scoreboard {
  score = 0;
}
class ColourfulScoreboard extends Scoreboard {
  colour = 'gold';
}
class Stranger {
  name = 'stranger';
}

const ScoreboardToken = serviceToken<Scoreboard>('core-type-test', 'Scoreboard');
const ColourfulToken = serviceToken<ColourfulScoreboard>('core-type-test', 'Colourful');
const StrangerToken = serviceToken<Stranger>('core-type-test', 'Stranger');

// What a package does for its singletons. Here the augmented module is the file that declares
// SingletonTypes; a package augments '@relaylane/core' (the README's snippets check that form).
declare module './singleton-types.js' {
  interface SingletonTypes {
    TypeTestScoreboard: Scoreboard;
  }
}

class ScoreboardPlugin extends Plugin {
  readonly name = 'scoreboard';
  #engine: Engine | undefined;

  override module(): ContainerModule {
    return new ContainerModule(({ bind }) => {
      bind(ScoreboardToken).toConstantValue(new Scoreboard());
      bind(ColourfulToken).toConstantValue(new ColourfulScoreboard());
      bind(StrangerToken).toConstantValue(new Stranger());
    });
  }

  override enterTree(engine: Engine): void {
    this.#engine = engine;
    engine.registerSingleton('TypeTestScoreboard', ScoreboardToken);
  }

  override exitTree(): void {
    this.#engine?.unregisterSingleton('TypeTestScoreboard');
  }
}

function newEngine(): Engine {
  const engine = new Engine({ messageQueue: new MessageQueue() });
  engine.addPlugin(new ScoreboardPlugin());
  return engine;
}

describe('typed singletons (SingletonTypes augmentation)', () => {
  test('a declared name resolves to its declared type, without a cast', () => {
    const engine = newEngine();
    const scoreboard = engine.getSingleton('TypeTestScoreboard');
    // Compiles only because getSingleton returns Scoreboard for this name.
    scoreboard.score += 3;
    const typed: Scoreboard = scoreboard;
    expect(typed).toBeInstanceOf(Scoreboard);
    expect(engine.getSingleton('TypeTestScoreboard').score).toBe(3);
  });

  test('any other name resolves to unknown, which must be narrowed before use', () => {
    const engine = newEngine();
    engine.registerSingleton('Stranger', StrangerToken);
    const stranger = engine.getSingleton('Stranger');
    // @ts-expect-error -- unknown: not declared in SingletonTypes.
    expect(stranger.name).toBe('stranger');
    const name: string = stranger instanceof Stranger ? stranger.name : '';
    expect(name).toBe('stranger');
    const dynamicName: string = 'TypeTestScoreboard';
    const viaString = engine.getSingleton(dynamicName);
    // @ts-expect-error -- a name only known at run time gives unknown, even a declared one.
    const notTyped: Scoreboard = viaString;
    expect(notTyped).toBeInstanceOf(Scoreboard);
  });

  test('a declared name takes a token or class of its type, or of a subtype', () => {
    const engine = newEngine();
    engine.unregisterSingleton('TypeTestScoreboard');
    engine.registerSingleton('TypeTestScoreboard', ColourfulToken);
    engine.unregisterSingleton('TypeTestScoreboard');
    engine.container.bind(ColourfulScoreboard).toSelf().inSingletonScope();
    engine.registerSingleton('TypeTestScoreboard', ColourfulScoreboard);
    expect(engine.getSingleton('TypeTestScoreboard')).toBeInstanceOf(ColourfulScoreboard);
  });

  test('a declared name refuses, at compile time, an identifier of another type', () => {
    // Never called: these lines exist for the compiler (each would also fail at run time, as the
    // name is taken).
    function wrongRegistrations(engine: Engine): void {
      // @ts-expect-error -- a token of Stranger, not of Scoreboard.
      engine.registerSingleton('TypeTestScoreboard', StrangerToken);
      // @ts-expect-error -- a class whose instances are not Scoreboards.
      engine.registerSingleton('TypeTestScoreboard', Stranger);
      // @ts-expect-error -- an untyped symbol says nothing about its service: not for a declared name.
      engine.registerSingleton('TypeTestScoreboard', Symbol('scoreboard'));
      // @ts-expect-error -- nor does a string.
      engine.registerSingleton('TypeTestScoreboard', 'scoreboard');
      // @ts-expect-error -- and an object is never a service identifier.
      engine.registerSingleton('Anything', new Stranger());
    }
    expect(wrongRegistrations).toBeInstanceOf(Function);
  });

  test('an undeclared name takes any service identifier', () => {
    const engine = newEngine();
    engine.registerSingleton('ByToken', StrangerToken);
    engine.registerSingleton('BySymbol', Symbol.for('@relaylane/core-type-test/Stranger'));
    engine.container.bind('stranger').toService(StrangerToken);
    engine.registerSingleton('ByString', 'stranger');
    expect(engine.getSingleton('ByString')).toBe(engine.getSingleton('ByToken'));
    expect(engine.getSingleton('BySymbol')).toBe(engine.getSingleton('ByToken'));
  });
});
