/** @jest-environment jsdom */
import { ConsoleError } from '../console-error.js';
import { type ConsoleOverlay, mountConsoleOverlay } from './console-overlay.js';
import { OVERLAY_CLASS } from './overlay-styles.js';
import { sampleRegistry } from '../test-support/sample-registry.js';

/** Key listeners a game would register (bubble phase, on window and document). */
function gameListeners(): { seen: string[]; detach: () => void } {
  const seen: string[] = [];
  const onWindow = (event: Event): void => {
    seen.push(`window ${event.type} ${(event as KeyboardEvent).key}`);
  };
  const onDocument = (event: Event): void => {
    seen.push(`document ${event.type} ${(event as KeyboardEvent).key}`);
  };
  for (const type of ['keydown', 'keyup', 'keypress']) {
    window.addEventListener(type, onWindow);
    document.addEventListener(type, onDocument);
  }
  return {
    seen,
    detach: () => {
      for (const type of ['keydown', 'keyup', 'keypress']) {
        window.removeEventListener(type, onWindow);
        document.removeEventListener(type, onDocument);
      }
    },
  };
}

function press(
  target: EventTarget,
  key: string,
  init: KeyboardEventInit = {},
  type = 'keydown',
): KeyboardEvent {
  const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function typeInput(target: EventTarget, data: string): InputEvent {
  const event = new InputEvent('beforeinput', {
    data,
    bubbles: true,
    cancelable: true,
    inputType: 'insertText',
  });
  target.dispatchEvent(event);
  return event;
}

describe('mountConsoleOverlay', () => {
  let overlay: ConsoleOverlay | undefined;
  let game: ReturnType<typeof gameListeners>;

  beforeEach(() => {
    document.body.replaceChildren();
    game = gameListeners();
  });

  afterEach(() => {
    overlay?.dispose();
    overlay = undefined;
    game.detach();
  });

  function mount(registry = sampleRegistry(), scrollbackLimit?: number): ConsoleOverlay {
    overlay = mountConsoleOverlay({
      registry,
      ...(scrollbackLimit === undefined ? {} : { scrollbackLimit }),
    });
    return overlay;
  }

  function input(): HTMLInputElement {
    return document.querySelector<HTMLInputElement>(`.${OVERLAY_CLASS}__input`)!;
  }

  function logLines(kind?: string): string[] {
    const selector = `.${OVERLAY_CLASS}__line${kind === undefined ? '' : `--${kind}`}`;
    return [...document.querySelectorAll(selector)].map((line) => line.textContent ?? '');
  }

  /** Resolves once the scrollback contains `text` (event-driven: a MutationObserver). */
  function untilLogged(text: string): Promise<void> {
    return new Promise((resolve) => {
      const done = (): boolean => logLines().includes(text);
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }

  it('mounts hidden, with one style element in the head', () => {
    const view = mount();
    expect(view.isOpen).toBe(false);
    expect(view.element.parentElement).toBe(document.body);
    expect(view.element.hidden).toBe(true);
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
  });

  it('leaves every key event to the game while closed, untouched', () => {
    mount();
    const canvas = document.body.appendChild(document.createElement('canvas'));
    const events = [
      press(canvas, 'w'),
      press(canvas, 'w', {}, 'keyup'),
      press(canvas, 'Tab'),
      press(canvas, 'Enter'),
    ];
    expect(events.map((event) => event.defaultPrevented)).toEqual([false, false, false, false]);
    // Bubbling: document first, then window.
    expect(game.seen).toEqual([
      'document keydown w',
      'window keydown w',
      'document keyup w',
      'window keyup w',
      'document keydown Tab',
      'window keydown Tab',
      'document keydown Enter',
      'window keydown Enter',
    ]);
  });

  it('opens on backtick without preventing or stopping it, and focuses the input', () => {
    const view = mount();
    const event = press(document.body, '`', { code: 'Backquote' });
    expect(view.isOpen).toBe(true);
    expect(view.element.hidden).toBe(false);
    expect(event.defaultPrevented).toBe(false);
    expect(game.seen).toContain('window keydown `');
    expect(document.activeElement).toBe(input());
  });

  it('opens on the physical Backquote key whatever character it types', () => {
    const view = mount();
    press(document.body, '^', { code: 'Backquote' });
    expect(view.isOpen).toBe(true);
  });

  it('drops the opening backtick if it reaches the input, and nothing after it', () => {
    mount();
    press(document.body, '`');
    expect(typeInput(input(), '`').defaultPrevented).toBe(true);
    expect(typeInput(input(), '`').defaultPrevented).toBe(false);
  });

  it('stops dropping the opening character once its key is released', () => {
    mount();
    press(document.body, '`');
    press(document.body, '`', {}, 'keyup');
    expect(typeInput(input(), '`').defaultPrevented).toBe(false);
  });

  it('keeps keys typed in its input away from the game while open', () => {
    mount().open();
    game.seen.length = 0;
    press(input(), 'w');
    press(input(), 'w', {}, 'keypress');
    press(input(), 'w', {}, 'keyup');
    press(input(), 'Enter');
    expect(game.seen).toEqual([]);
  });

  it('closes on backtick typed in the input, without typing it, and gives the focus back', () => {
    const view = mount();
    const canvas = document.body.appendChild(document.createElement('canvas'));
    canvas.tabIndex = 0;
    canvas.focus();
    press(canvas, '`');
    const closing = press(input(), '`');
    expect(view.isOpen).toBe(false);
    expect(closing.defaultPrevented).toBe(true);
    expect(input().value).toBe('');
    expect(document.activeElement).toBe(canvas);
    expect(game.seen.filter((line) => line.includes('`'))).toEqual([
      'document keydown `',
      'window keydown `',
    ]);
  });

  it('closes on Escape', () => {
    const view = mount();
    view.open();
    press(input(), 'Escape');
    expect(view.isOpen).toBe(false);
  });

  it('does not open while the game has a text field focused', () => {
    const view = mount();
    const chat = document.body.appendChild(document.createElement('input'));
    chat.focus();
    press(chat, '`');
    expect(view.isOpen).toBe(false);
  });

  it('ignores a held toggle key and toggles with modifiers', () => {
    const view = mount();
    press(document.body, '`', { repeat: true });
    press(document.body, '`', { ctrlKey: true });
    expect(view.isOpen).toBe(false);
  });

  it('uses a custom toggle key, by key or code', () => {
    overlay = mountConsoleOverlay({ registry: sampleRegistry(), toggleKey: 'F2' });
    press(document.body, '`');
    expect(overlay.isOpen).toBe(false);
    press(document.body, 'F2');
    expect(overlay.isOpen).toBe(true);
    press(input(), 'x', { code: 'F2' });
    expect(overlay.isOpen).toBe(false);
  });

  it('runs the line on Enter: echoes it, prints the output and clears the input', async () => {
    const view = mount();
    view.open();
    input().value = 'plugins';
    press(input(), 'Enter');
    expect(input().value).toBe('');
    await untilLogged('1. relay');
    expect(logLines('input')).toEqual(['> plugins']);
    expect(logLines('output')).toEqual(['1. relay']);
  });

  it('prints failures as error lines', async () => {
    const view = mount();
    await view.run('nope');
    expect(logLines('error')).toEqual(["Unknown command 'nope'. Type 'help' for the list."]);
  });

  it('prints results in the order the lines were entered, even when a handler is async', async () => {
    const registry = sampleRegistry();
    let finish: (() => void) | undefined;
    registry.register({
      name: 'slow',
      help: '',
      handler: () => new Promise<string>((resolve) => (finish = () => resolve('slow done'))),
    });
    const view = mount(registry);
    const slow = view.run('slow');
    const quick = view.run('net.ping');
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(logLines('output')).toEqual([]);
    finish?.();
    await Promise.all([slow, quick]);
    expect(logLines('output')).toEqual(['slow done', 'pong']);
  });

  it('walks the history with Up and Down, restoring the draft', async () => {
    const view = mount();
    await view.run('plugins');
    await view.run('net.pops');
    view.open();
    input().value = 'draft';
    press(input(), 'ArrowUp');
    expect(input().value).toBe('net.pops');
    press(input(), 'ArrowUp');
    press(input(), 'ArrowUp');
    expect(input().value).toBe('plugins');
    press(input(), 'ArrowDown');
    expect(input().value).toBe('net.pops');
    press(input(), 'ArrowDown');
    expect(input().value).toBe('draft');
  });

  it('completes on Tab: a namespace, then the common prefix with the candidates listed', () => {
    const view = mount();
    view.open();
    input().value = 'n';
    const tab = press(input(), 'Tab');
    expect(tab.defaultPrevented).toBe(true);
    expect(input().value).toBe('net.');
    press(input(), 'Tab');
    expect(input().value).toBe('net.p');
    expect(logLines('choices')).toEqual(['net.ping  net.pops']);
    input().value = 'net.po';
    press(input(), 'Tab');
    expect(input().value).toBe('net.pops ');
    expect(document.activeElement).toBe(input());
  });

  it('completes the token at the cursor and keeps the text after it', () => {
    const view = mount();
    view.open();
    input().value = 'help plu x';
    input().setSelectionRange(8, 8);
    press(input(), 'Tab');
    expect(input().value).toBe('help plugins x');
    expect(input().selectionStart).toBe(12);
  });

  it('keeps at most scrollbackLimit lines', () => {
    const view = mount(sampleRegistry(), 3);
    view.print(['1', '2']);
    view.print('3\n4\n5');
    expect(logLines()).toEqual(['3', '4', '5']);
  });

  it('prints tables as aligned text', () => {
    const view = mount();
    view.print([{ columns: ['POP', 'Ping'], rows: [['fra', 7]] }]);
    expect(logLines()).toEqual(['POP  Ping', '---  ----', 'fra     7']);
  });

  it('clears its scrollback on clear', async () => {
    const view = mount();
    await view.run('plugins');
    await view.run('clear');
    expect(logLines()).toEqual([]);
  });

  it('removes its element, style and listeners on dispose, and refuses further use', () => {
    const view = mount();
    view.dispose();
    expect(document.querySelector(`.${OVERLAY_CLASS}`)).toBeNull();
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    press(document.body, '`');
    expect(view.isOpen).toBe(false);
    expect(() => view.open()).toThrow(ConsoleError);
    expect(() => view.open()).toThrow(
      expect.objectContaining({ code: 'CONSOLE_OVERLAY_DISPOSED' }),
    );
    expect(() => view.print('x')).toThrow(/after overlay.dispose\(\)/);
    expect(() => view.dispose()).not.toThrow();
  });

  it('refuses a scrollback limit that is not a positive integer', () => {
    expect(() => mountConsoleOverlay({ registry: sampleRegistry(), scrollbackLimit: 0 })).toThrow(
      /scrollbackLimit must be a positive integer/,
    );
  });
});
