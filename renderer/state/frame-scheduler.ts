/**
 * Runs `apply` at most once per animation frame, however many times `request` is called before.
 * Browsers stop animation frames in hidden tabs; the timeout makes sure a console on a second,
 * minimised screen still drains its queue (at a slower pace) instead of growing it for ever.
 */
export interface FrameScheduler {
  request(): void;
  cancel(): void;
}

export const HIDDEN_FALLBACK_MS = 250;

export function animationFrameScheduler(apply: () => void): FrameScheduler {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
    apply();
  };
  return {
    request() {
      if (frame !== null || timer !== null) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, HIDDEN_FALLBACK_MS);
    },
    cancel() {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = null;
      timer = null;
    },
  };
}

/** For tests and benchmarks: frames happen when the caller says so. */
export function manualScheduler(): FrameScheduler & { pending: boolean; bind(apply: () => void): void; runFrame(): void } {
  let apply: () => void = () => undefined;
  const scheduler = {
    pending: false,
    bind(fn: () => void) {
      apply = fn;
    },
    request() {
      scheduler.pending = true;
    },
    cancel() {
      scheduler.pending = false;
    },
    runFrame() {
      if (!scheduler.pending) return;
      scheduler.pending = false;
      apply();
    },
  };
  return scheduler;
}
