import { SnapshotScheduler } from '../../subgraphs/kit/store/embedded/snapshot-scheduler';

/** A snapshot writer that records calls and lets the test decide when each write finishes. */
function controllableWriter() {
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  let calls = 0;
  const write = () => {
    calls += 1;
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    return new Promise<void>((resolve, reject) => {
      pending.push({ resolve, reject });
    }).finally(() => {
      concurrent -= 1;
    });
  };
  return {
    write,
    finishNext: async (failure?: Error) => {
      const next = pending.shift();
      if (!next) throw new Error('No snapshot write is in flight');
      if (failure) next.reject(failure);
      else next.resolve();
      await flushPromises();
    },
    get calls() {
      return calls;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
  };
}

/** Lets every settled promise run its callbacks (setImmediate is left real for this). */
async function flushPromises(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('snapshot scheduling (embedded store)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('writes once for a burst of changes, after the delay', async () => {
    const writer = controllableWriter();
    const scheduler = new SnapshotScheduler(writer.write, 200, () => undefined);
    scheduler.markChanged();
    scheduler.markChanged();
    jest.advanceTimersByTime(150);
    scheduler.markChanged();
    expect(writer.calls).toBe(0);
    jest.advanceTimersByTime(50);
    expect(writer.calls).toBe(1);
    await writer.finishNext();
    jest.advanceTimersByTime(1_000);
    expect(writer.calls).toBe(1);
  });

  it('never runs two writes at once and writes again for changes made during a write', async () => {
    const writer = controllableWriter();
    const scheduler = new SnapshotScheduler(writer.write, 100, () => undefined);
    scheduler.markChanged();
    jest.advanceTimersByTime(100);
    scheduler.markChanged();
    jest.advanceTimersByTime(500);
    expect(writer.calls).toBe(1);
    await writer.finishNext();
    jest.advanceTimersByTime(100);
    expect(writer.calls).toBe(2);
    expect(writer.maxConcurrent).toBe(1);
    await writer.finishNext();
  });

  it('flushes unsaved changes at once on stop, after the write in flight', async () => {
    const writer = controllableWriter();
    const scheduler = new SnapshotScheduler(writer.write, 100, () => undefined);
    scheduler.markChanged();
    jest.advanceTimersByTime(100);
    scheduler.markChanged();
    const stopped = scheduler.flushAndStop();
    await writer.finishNext();
    expect(writer.calls).toBe(2);
    await writer.finishNext();
    await expect(stopped).resolves.toBeUndefined();
    expect(writer.maxConcurrent).toBe(1);
  });

  it('reports a failed background write and retries it when stopping', async () => {
    const writer = controllableWriter();
    const failures: unknown[] = [];
    const scheduler = new SnapshotScheduler(writer.write, 100, (error) => failures.push(error));
    scheduler.markChanged();
    jest.advanceTimersByTime(100);
    await writer.finishNext(new Error('disk full'));
    expect(failures).toEqual([new Error('disk full')]);
    const stopped = scheduler.flushAndStop();
    await flushPromises();
    expect(writer.calls).toBe(2);
    await writer.finishNext();
    await expect(stopped).resolves.toBeUndefined();
  });

  it('rejects the final flush when the last write fails, so a stop cannot lose data silently', async () => {
    const writer = controllableWriter();
    const scheduler = new SnapshotScheduler(writer.write, 100, () => undefined);
    scheduler.markChanged();
    const stopped = expect(scheduler.flushAndStop()).rejects.toThrow('disk full');
    await flushPromises();
    await writer.finishNext(new Error('disk full'));
    await stopped;
  });
});
