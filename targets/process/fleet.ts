/**
 * The processes of one running target, by kind and index (clone-0, clone-1, worker-0, ...): launches
 * them in parallel, kills one (SIGKILL, the fault) and restarts it on the same port, lists them, and sums
 * their counters. Counters of a killed process are kept from its last scrape, so requests per clone
 * still count what a killed clone served.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { InstanceInfo } from '../target.ts';
import type { AppProcess } from './app-process.ts';
import { addCounters, scrapeCounters } from './scrape.ts';

export type MemberKind = 'clone' | 'worker';

/** starts member `index`; `port` is set on a restart so it comes back where the balancer expects it */
export type SpawnMember = (index: number, port: number | undefined) => Promise<AppProcess>;

interface Member {
  kind: MemberKind;
  index: number;
  process: AppProcess;
  spawn: SpawnMember;
  /** counters of earlier incarnations plus the last scrape of the current one */
  banked: Record<string, number>;
  last: Record<string, number>;
}

export class Fleet {
  private readonly members: Member[] = [];

  /** starts `count` members of a kind in parallel; if one fails, stops the others and throws its error */
  async launch(kind: MemberKind, count: number, spawn: SpawnMember): Promise<AppProcess[]> {
    const settled = await Promise.allSettled(
      Array.from({ length: count }, (_, index) => spawn(index, undefined)),
    );
    const failed = settled.find((result) => result.status === 'rejected');
    const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    if (failed) {
      await Promise.all(started.map((process) => process.stop()));
      throw failed.reason;
    }
    started.forEach((process, index) => {
      this.members.push({ kind, index, process, spawn, banked: {}, last: {} });
    });
    return started;
  }

  get(kind: MemberKind, index: number): AppProcess {
    return this.member(kind, index).process;
  }

  list(kind?: MemberKind): AppProcess[] {
    return this.members.filter((member) => kind === undefined || member.kind === kind).map((m) => m.process);
  }

  /** SIGKILLs one member (no graceful shutdown: in-flight requests fail) */
  async kill(kind: MemberKind, index: number): Promise<void> {
    const member = this.member(kind, index);
    await this.scrapeMember(member).catch(() => undefined);
    await member.process.kill('SIGKILL');
    await member.process.stop();
  }

  /** brings a member back on the same port (stopping it first if it still runs) */
  async restart(kind: MemberKind, index: number): Promise<void> {
    const member = this.member(kind, index);
    if (member.process.alive()) await this.scrapeMember(member).catch(() => undefined);
    await member.process.stop();
    addCounters(member.banked, member.last);
    member.last = {};
    member.process = await member.spawn(index, member.process.port ?? undefined);
  }

  instances(): InstanceInfo[] {
    return this.members.map((member) => ({
      id: member.process.id,
      kind: member.kind,
      url: member.process.url,
      pid: member.process.pid,
      alive: member.process.alive(),
      logFile: member.process.logFile,
      ...(member.process.server ? { server: member.process.server } : {}),
    }));
  }

  /**
   * The app counters summed over members, plus `requests.<id>` per member and `distinctBuilds` (how
   * many different build ids the live HTTP members reported: 1 when every clone runs the same code).
   */
  async counters(): Promise<Record<string, number>> {
    const withHttp = this.members.filter((member) => member.process.url !== null);
    await Promise.all(
      withHttp.filter((m) => m.process.alive()).map((m) => this.scrapeMember(m).catch(() => undefined)),
    );
    const total: Record<string, number> = {};
    for (const member of withHttp) {
      const own: Record<string, number> = {};
      addCounters(own, member.banked);
      addCounters(own, member.last);
      addCounters(total, own);
      total[`requests.${member.process.id}`] = own.requestsTotal ?? 0;
    }
    const builds = new Set(withHttp.filter((m) => m.process.alive()).map((m) => m.process.build));
    total.distinctBuilds = builds.size;
    return total;
  }

  async stop(): Promise<void> {
    await Promise.all(this.members.map((member) => member.process.stop()));
  }

  private async scrapeMember(member: Member): Promise<void> {
    if (member.process.url === null) return;
    member.last = await scrapeCounters(member.process.url, 1000);
  }

  private member(kind: MemberKind, index: number): Member {
    const found = this.members.find((member) => member.kind === kind && member.index === index);
    if (!found) {
      const count = this.members.filter((member) => member.kind === kind).length;
      throw new ScalebenchError(
        'SB_ERR_INVALID_ARGUMENT',
        `there is no ${kind} ${index} (this target has ${count})`,
        {
          hint: `pick an index from 0 to ${Math.max(0, count - 1)}`,
        },
      );
    }
    return found;
  }
}
