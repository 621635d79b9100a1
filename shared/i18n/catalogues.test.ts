import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { Lang } from '../schemas/model';

/** Every catalogue folder of the repo: what server and client share, and the client's own. */
const LOCALE_ROOTS = [new URL('./locales/', import.meta.url), new URL('../../client/src/i18n/locales/', import.meta.url)].map((url) => fileURLToPath(url));

const namespacesIn = (root: string) => readdirSync(`${root}/en`).map((file) => file.replace(/\.json$/, ''));
const catalogue = (root: string, lang: string, namespace: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${root}/${lang}/${namespace}.json`, 'utf8')) as Record<string, unknown>;

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The arguments an ICU message takes, however deep in plural and select cases. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: Element[]) => {
    for (const element of elements) {
      // 0 is literal text and 7 the plural's `#`; every other element names an argument.
      if (element.type !== 0 && element.type !== 7 && element.value) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
      visit(element.children ?? []);
    }
  };
  visit(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst() as Element[]);
  return [...names].sort();
}

const cases = LOCALE_ROOTS.flatMap((root) => namespacesIn(root).flatMap((namespace) => Lang.options.map((lang) => ({ root, namespace, lang }))));

describe('translation catalogues', () => {
  it('finds the namespaces', () => {
    expect(cases.map(({ namespace }) => namespace)).toEqual(expect.arrayContaining(['common', 'member', 'workbench', 'governance', 'explain', 'mail']));
  });

  it.each(cases)('$lang/$namespace has exactly the English keys, none empty', ({ root, namespace, lang }) => {
    const english = catalogue(root, 'en', namespace);
    const translated = catalogue(root, lang, namespace);
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    const empty = Object.entries(translated).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(cases)('$lang/$namespace: every message parses and takes the same arguments as English', ({ root, namespace, lang }) => {
    const english = catalogue(root, 'en', namespace);
    const translated = catalogue(root, lang, namespace);
    const mismatched = Object.keys(english).filter(
      (key) => typeof translated[key] === 'string' && argumentsOf(translated[key]).join() !== argumentsOf(String(english[key])).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
