import { type BusyProcess, busyProcesses, type CpuInfo, cpuInfo } from '../targets/services/host-load.ts';
import { backends, probeService, redactUrl } from '../targets/services/resolve.ts';
import { type ServiceProbe, serviceNames } from '../targets/services/service.ts';
import { balancerSpecs, detectTools, type ToolInfo, toolSpecs } from '../targets/services/tools.ts';

const minimumNodeMajor = 20;

export interface DoctorProblem {
  subject: string;
  problem: string;
  remedy: string;
}

export interface DoctorReport {
  ok: boolean;
  node: { version: string; ok: boolean };
  cpu: CpuInfo;
  services: ServiceProbe[];
  balancers: ToolInfo[];
  tools: ToolInfo[];
  busyProcesses: BusyProcess[] | null;
  warnings: string[];
  problems: DoctorProblem[];
}

export async function gatherDoctorReport(env: Record<string, string | undefined>): Promise<DoctorReport> {
  const [services, balancers, tools, busy] = await Promise.all([
    Promise.all(serviceNames.map((name) => probeService(name, { env }))),
    detectTools(balancerSpecs),
    detectTools(toolSpecs),
    busyProcesses(500, 10, [process.pid, process.ppid]),
  ]);
  const node = {
    version: process.version,
    ok: Number(process.versions.node.split('.')[0]) >= minimumNodeMajor,
  };
  const cpu = cpuInfo();
  const problems: DoctorProblem[] = [];
  if (!node.ok) {
    problems.push({
      subject: 'node',
      problem: `Node ${process.version} is too old`,
      remedy: `install Node ${minimumNodeMajor} or newer`,
    });
  }
  for (const probe of services) {
    if (probe.state === 'missing')
      problems.push({ subject: probe.name, problem: probe.problem, remedy: probe.remedy });
  }
  const warnings = collectWarnings(cpu, busy, [...balancers, ...tools]);
  const redacted = services.map((probe) =>
    probe.state === 'found' ? { ...probe, url: redactUrl(probe.url) } : probe,
  );
  return {
    ok: problems.length === 0,
    node,
    cpu,
    services: redacted,
    balancers,
    tools,
    busyProcesses: busy ?? null,
    warnings,
    problems,
  };
}

function collectWarnings(cpu: CpuInfo, busy: BusyProcess[] | undefined, tools: ToolInfo[]): string[] {
  const warnings: string[] = [];
  if (cpu.cores < 2) {
    warnings.push(
      `only ${cpu.cores} CPU core: load generator and targets compete; results will be pessimistic`,
    );
  }
  for (const process of (busy ?? []).slice(0, 5)) {
    warnings.push(
      `${process.command} (pid ${process.pid}) is using ${process.cpuPercent.toFixed(0)}% of a core: it skews benchmarks`,
    );
  }
  for (const tool of tools) {
    if (!tool.path)
      warnings.push(`${tool.name} is not installed (${tool.install}); experiments that need it are skipped`);
  }
  return warnings;
}

function serviceLine(probe: ServiceProbe): string {
  const title = backends[probe.name].title;
  const label = probe.name.padEnd(10);
  switch (probe.state) {
    case 'found':
      return `${label}found     ${probe.url} (${probe.source}) — ${title} ${probe.version}, ping ${probe.pingMs.toFixed(2)} ms`;
    case 'startable':
      return `${label}startable not running; scalebench will start ${probe.how}`;
    case 'missing':
      return `${label}missing   ${probe.problem} — remedy: ${probe.remedy}`;
  }
}

function toolList(tools: ToolInfo[]): string {
  return tools
    .map((tool) =>
      tool.path
        ? `${tool.name} ${tool.version ?? ''} (${tool.path})`.replace('  ', ' ')
        : `${tool.name} missing`,
    )
    .join(', ');
}

export function formatDoctorReport(report: DoctorReport): string {
  const lines = [
    `${'node'.padEnd(10)}${report.node.version}${report.node.ok ? '' : ` — too old, needs >= ${minimumNodeMajor}`}`,
    `${'cpu'.padEnd(10)}${report.cpu.model} × ${report.cpu.cores} core${report.cpu.cores === 1 ? '' : 's'}`,
    ...report.services.map(serviceLine),
    `${'balancers'.padEnd(10)}${toolList(report.balancers)}`,
    `${'tools'.padEnd(10)}${toolList(report.tools)}`,
    ...report.warnings.map((warning) => `${'warning'.padEnd(10)}${warning}`),
    report.ok
      ? 'ok: the full suite can run here'
      : `not ready: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} above; fix ${report.problems.length === 1 ? 'it' : 'them'} and rerun scalebench doctor`,
  ];
  return `${lines.join('\n')}\n`;
}
