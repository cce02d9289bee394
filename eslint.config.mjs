import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noElectron = {
  paths: [{ name: 'electron', message: 'The backend, the CLI and browser mode run without Electron: keep Electron in src/main/index.ts and src/main/desktop/.' }],
}

/**
 * In the renderer, a spinner is `components/Busy.tsx`: Mantine's Loader alone is
 * a bare span, and a name put on it is an ARIA attribute such an element may
 * not carry (axe: aria-prohibited-attr, serious).
 */
const inRenderer = {
  paths: [
    ...noElectron.paths,
    { name: '@mantine/core', importNames: ['Loader'], message: 'Use components/Busy for a spinner: it is named, with the role of a progress bar.' },
  ],
}

/** Refuses imports from another feature's folder, or back into features/ from outside them. */
const otherFeature = (regex) => ({
  regex: `${regex}|(^|/)features/`,
  message: "Features do not import each other: move what two features share to src/renderer/src/components (or dialogs/, lib/).",
})

export default tseslint.config(
  { ignores: ['out/**', 'native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    // expect.any() and friends are typed `any` by design.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.mjs', 'bin/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', inRenderer],
    },
  },
  {
    // A feature imports only from its own folder and from what is shared (components/, dialogs/,
    // lib/, src/shared): what two features need moves to the shared folders.
    files: ['src/renderer/src/features/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { ...inRenderer, patterns: [otherFeature('^\\.\\./(?!\\.\\./)')] }] },
  },
  {
    files: ['src/renderer/src/features/*/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { ...inRenderer, patterns: [otherFeature('^\\.\\./\\.\\./(?!\\.\\./)')] }] },
  },
  {
    // The shared folders serve every feature and depend on none.
    files: ['src/renderer/src/{components,dialogs,lib}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { ...inRenderer, patterns: [otherFeature('(^|/)features/')] }] },
  },
  {
    // The spinner itself, and the page-loading notice whose spinner is hidden beside its words.
    files: ['src/renderer/src/components/Busy.tsx', 'src/renderer/src/components/PageLoading.tsx'],
    rules: { 'no-restricted-imports': ['error', { ...noElectron, patterns: [otherFeature('(^|/)features/')] }] },
  },
  {
    // Everything but the Electron entry, its desktop helpers and the preload runs in plain Node.
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/desktop/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
)
