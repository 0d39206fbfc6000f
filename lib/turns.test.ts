import { describe, expect, it } from "vitest";
import { inCallOrder, oneAtATime, pauseAfter, QueueFullError, runAtOnce, runInTurns, type Steps } from "./turns";

async function* counting(log: string[]): Steps<number> {
  log.push("a");
  yield;
  log.push("b");
  yield;
  log.push("c");
  return 3;
}

describe("runInTurns", () => {
  it("lets other callbacks run between the steps", async () => {
    const log: string[] = [];
    const done = runInTurns(counting(log));
    setImmediate(() => log.push("other"));
    expect(await done).toBe(3);
    expect(log.indexOf("other")).toBeGreaterThan(0);
    expect(log.indexOf("other")).toBeLessThan(log.indexOf("c"));
  });

  it("pauses after a step for half its length, at least 1 ms and at most 200 ms", () => {
    expect(pauseAfter(0)).toBe(1);
    expect(pauseAfter(100)).toBe(50);
    expect(pauseAfter(5_000)).toBe(200);
  });

  it("leaves time for work that needs several turns of the event loop between two steps", async () => {
    let stepsRun = 0;
    async function* slowSteps(): Steps<string> {
      for (let i = 0; i < 3; i++) {
        const until = performance.now() + 40;
        while (performance.now() < until);
        stepsRun++;
        yield;
      }
      return "done";
    }
    // Something that needs five trips through the event loop, like a request through the server:
    // it must finish between two steps, not after all of them (counted, not timed: CI is noisy).
    const severalTurns = async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      return stepsRun;
    };
    const report = runInTurns(slowSteps());
    const stepsBeforeOtherWorkFinished = await severalTurns();
    expect(await report).toBe("done");
    expect(stepsBeforeOtherWorkFinished).toBeLessThan(3);
  });

  it("runAtOnce gives the same result at once", async () => {
    const log: string[] = [];
    expect(await runAtOnce(counting(log))).toBe(3);
    expect(log).toEqual(["a", "b", "c"]);
  });

  it("wraps every step", async () => {
    let steps = 0;
    await runInTurns(counting([]), (step) => {
      steps++;
      return step();
    });
    expect(steps).toBe(3);
  });
});

describe("oneAtATime", () => {
  it("never runs two tasks at once, in order", async () => {
    const queue = oneAtATime(5);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      order.push(n);
      active--;
      return n;
    };
    expect(await Promise.all([1, 2, 3].map((n) => queue.run(task(n))))).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3]);
  });

  it("refuses at once beyond the waiting limit, and takes tasks again once the queue drains", async () => {
    const queue = oneAtATime(1);
    const slow = () => new Promise<string>((r) => setTimeout(() => r("ok"), 10));
    const first = queue.run(slow);
    const second = queue.run(slow);
    await expect(queue.run(slow)).rejects.toBeInstanceOf(QueueFullError);
    expect(await Promise.all([first, second])).toEqual(["ok", "ok"]);
    expect(await queue.run(slow)).toBe("ok");
  });

  it("a failing task does not block the next", async () => {
    const queue = oneAtATime(2);
    const failed = queue.run(async () => {
      throw new Error("boom");
    });
    const next = queue.run(async () => "next");
    await expect(failed).rejects.toThrow("boom");
    expect(await next).toBe("next");
  });
});

describe("inCallOrder", () => {
  const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it("decides in call order whenever the work finishes, without waiting for what was decided", async () => {
    const ordered = inCallOrder();
    const decided: string[] = [];
    let finishFirst!: () => void;
    const first = ordered(
      () => later("slow", 30),
      (v) => {
        decided.push(v);
        return new Promise<string>((resolve) => (finishFirst = () => resolve(v)));
      },
    );
    const second = ordered(
      () => later("fast", 1),
      (v) => {
        decided.push(v);
        return v;
      },
    );
    expect(await second).toBe("fast");
    expect(decided).toEqual(["slow", "fast"]);
    finishFirst();
    expect(await first).toBe("slow");
  });

  it("lets later calls decide after a call whose work failed", async () => {
    const ordered = inCallOrder();
    const failed = ordered(
      () => Promise.reject(new Error("no")),
      () => "never",
    );
    await expect(failed).rejects.toThrow("no");
    expect(
      await ordered(
        async () => 1,
        (v) => v + 1,
      ),
    ).toBe(2);
  });
});
