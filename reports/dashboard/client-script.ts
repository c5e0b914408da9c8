/**
 * The dashboard page's script as the server sends it, one file: the chart runtime, the page's labels,
 * then the client — the browser TypeScript modules of client/ (type-checked by their own tsconfig, with
 * the DOM's types), each compiled to CommonJS and linked inside one closure by a require() of a few
 * lines. `npm run build` writes the compiled client into dist/
 * (build-client.ts) and the built server reads it there; run from the sources (tsx), the server
 * compiles it once, when it starts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot, runsBuilt } from '../../core/entry-points.ts';
import { CHART_RUNTIME_SOURCE } from '../charts/runtime.ts';
import { pageLabels } from './dashboard-labels.ts';

const CLIENT_FOLDER = join(packageRoot, 'reports/dashboard/client');

/** where `npm run build` writes the compiled client */
export const BUILT_CLIENT = join(packageRoot, 'dist/reports/dashboard/client.js');

/** one client module's TypeScript → CommonJS */
type Compile = (source: string, fileName: string) => string;

/**
 * TypeScript's compiler (a dev dependency: there for `npm run build` and in a checkout); without it
 * (the container image runs the sources with production dependencies only), the esbuild that tsx runs
 * on.
 */
async function compiler(): Promise<Compile> {
  try {
    const ts = (await import('typescript')).default;
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 };
    return (source, fileName) => ts.transpileModule(source, { fileName, compilerOptions }).outputText;
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const esbuild = createRequire(import.meta.resolve('tsx'))('esbuild') as Esbuild;
    return (source) => esbuild.transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022' }).code;
  }
}

interface Esbuild {
  transformSync(source: string, options: { loader: 'ts'; format: 'cjs'; target: string }): { code: string };
}

/**
 * The client's modules compiled and linked into one script, run from its entry, main.ts: each module is
 * a function of (exports, require, module), and require('./page.ts') runs page.ts once.
 */
export async function compileClient(compile?: Compile): Promise<string> {
  const toCommonJs = compile ?? (await compiler());
  const names = (await readdir(CLIENT_FOLDER)).filter((name) => name.endsWith('.ts')).sort();
  const modules = await Promise.all(
    names.map(async (name) => {
      const code = toCommonJs(await readFile(join(CLIENT_FOLDER, name), 'utf8'), name);
      return `${JSON.stringify(`./${name}`)}: function (exports, require, module) {\n${code}},\n`;
    }),
  );
  return `(function () {
  'use strict';
  var modules = {
${modules.join('')}  };
  var loaded = {};
  function require(name) {
    if (!loaded[name]) {
      var module = { exports: {} };
      loaded[name] = module;
      modules[name](module.exports, require, module);
    }
    return loaded[name].exports;
  }
  require('./main.ts');
})();
`;
}

let script: Promise<string> | undefined;

/** The served script (made once per process): the compiled client from dist/ when built, else compiled now. */
export function dashboardScript(): Promise<string> {
  script ??= (runsBuilt ? readFile(BUILT_CLIENT, 'utf8') : compileClient()).then(
    (client) =>
      `window.scalebenchChartRuntime = ${CHART_RUNTIME_SOURCE};\n` +
      `window.scalebenchDashboardLabels = ${JSON.stringify(pageLabels())};\n${client}`,
  );
  return script;
}
