/**
 * Tests that need an optional tool (haproxy, nginx, wrk, hey, chromium) call `requireTool` first. When
 * the tool is missing the test is skipped with one note — `haproxy missing (apt-get install haproxy)` —
 * which the skipped-tools reporter counts in the summary. With SCALEBENCH_REQUIRE_TOOLS=1 (set by
 * .ci/run, which installs every tool) a missing tool fails the test instead.
 */
import { locateTool, type OptionalToolName } from '../../targets/services/tools.ts';

export const STRICT_TOOLS_ENV = 'SCALEBENCH_REQUIRE_TOOLS';

/** the note a skipped test carries; the reporter recognises it by the ` missing (` in it */
export function missingToolNote(tool: { name: string; install: string }): string {
  return `${tool.name} missing (${tool.install})`;
}

/** the bit of vitest's test context this needs */
export interface SkippableContext {
  skip(note: string): never;
}

export interface RequireToolOptions {
  env?: Record<string, string | undefined>;
  pathVariable?: string;
}

/** Returns the tool's path; skips the test (or, in strict mode, fails it) when the tool is missing. */
export async function requireTool(
  ctx: SkippableContext,
  name: OptionalToolName,
  options: RequireToolOptions = {},
): Promise<string> {
  const env = options.env ?? process.env;
  const tool = await locateTool(name, options.pathVariable ?? env.PATH);
  if (tool.path) return tool.path;
  return skipOrFail(ctx, missingToolNote(tool), env);
}

/**
 * The same for what a test needs of the machine besides a tool (root, `ip` for network namespaces):
 * `need` names it and says how to get it.
 */
export function requireSetup(
  ctx: SkippableContext,
  present: boolean,
  need: { name: string; install: string },
  env: Record<string, string | undefined> = process.env,
): void {
  if (!present) skipOrFail(ctx, missingToolNote(need), env);
}

function skipOrFail(ctx: SkippableContext, note: string, env: Record<string, string | undefined>): never {
  if (env[STRICT_TOOLS_ENV] === '1') {
    throw new Error(`${note}, and ${STRICT_TOOLS_ENV}=1 requires every optional tool`);
  }
  return ctx.skip(note);
}
