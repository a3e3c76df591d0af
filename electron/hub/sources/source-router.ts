import type { DownlinkRequest, Source, SourceSink } from './types';

/**
 * Several field sources seen as one: uplinks and reports from all of them reach the hub, and a
 * downlink goes to the source that last heard its device (its network server is the one that can
 * reach it). A device never heard yet goes to the first source, which holds it until the device
 * speaks there.
 */
export class SourceRouter implements Source {
  readonly name: string;
  private readonly heardBy = new Map<string, Source>();

  constructor(private readonly sources: readonly Source[]) {
    if (sources.length === 0) throw new Error('SourceRouter needs at least one source');
    this.name = sources.map((s) => s.name).join('+');
  }

  async start(sink: SourceSink): Promise<void> {
    await Promise.all(
      this.sources.map((source) =>
        source.start({
          uplink: (uplink) => {
            this.heardBy.set(uplink.devEui, source);
            sink.uplink(uplink);
          },
          downlinkReport: (report) => sink.downlinkReport(report),
        }),
      ),
    );
  }

  /** The source that will carry a downlink to this device. */
  sourceFor(devEui: string): Source {
    return this.heardBy.get(devEui) ?? this.sources[0]!;
  }

  enqueueDownlink(request: DownlinkRequest): Promise<void> {
    return this.sourceFor(request.devEui).enqueueDownlink(request);
  }

  withdrawDownlink(ref: string): boolean {
    return this.sources.map((source) => source.withdrawDownlink?.(ref) ?? false).some(Boolean);
  }

  async stop(): Promise<void> {
    await Promise.all(this.sources.map((source) => source.stop()));
  }
}
