// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformLibs = [
  'grammy',
  'grammy/*',
  '@grammyjs/*',
  'discord.js',
  '@discordjs/*',
  'better-sqlite3',
  'node-cron',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'bench/.cache/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // The core knows no platform, no SQL driver and no scheduler library (see STYLE.md).
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts', 'src/scheduler.ts', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformLibs, message: 'src/ is platform-neutral: put this in adapters/ or db/.' },
            { group: ['**/adapters/**', '**/db/**'], message: 'src/ must not depend on adapters/ or db/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
