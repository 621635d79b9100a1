// Import resolver for eslint-plugin-boundaries: the Node resolver taught the `@shared/*` alias of
// tsconfig.json and vite/vitest, so that imports of shared code are classified like relative ones.
// (eslint-import-resolver-typescript would do this too, but it is one more dependency for one alias.)
const path = require('node:path');
const nodeResolver = require('eslint-import-resolver-node');

const root = path.resolve(__dirname, '..');
const aliases = { '@shared/': path.join(root, 'shared') + path.sep };

module.exports = {
  interfaceVersion: 2,
  resolve(source, file, config) {
    const alias = Object.keys(aliases).find((prefix) => source.startsWith(prefix));
    const target = alias ? aliases[alias] + source.slice(alias.length) : source;
    return nodeResolver.resolve(target, file, { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], ...config });
  },
};
