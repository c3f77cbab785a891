/** Typing into the demo's dev console overlay, as a person does. */
import { type Page } from 'playwright-core';

/**
 * Opens the console with the backtick, types `line`, runs it, waits (at most `waitMs`) for its
 * output, closes the console, and returns the console's whole log text.
 */
export async function runInDevConsole(page: Page, line: string, waitMs: number): Promise<string> {
  await page.keyboard.press('Backquote');
  const input = page.locator('.relaylane-console__input');
  await input.waitFor({ state: 'visible', timeout: waitMs });
  const linesBefore = await page.locator('.relaylane-console__line').count();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  // The echo of the line, then at least one line of output.
  await page.waitForFunction(
    (before) => document.querySelectorAll('.relaylane-console__line').length >= before + 2,
    linesBefore,
    { timeout: waitMs },
  );
  const output = await page
    .locator('.relaylane-console__log')
    .evaluate((log) => log.textContent ?? '');
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden', timeout: waitMs });
  return output;
}
