import type { IPublishPacket, MqttClient } from 'mqtt';
import { DEFAULT_MAX_IN_FLIGHT, IntakeGate, type IntakeStatus } from './intake-gate';

/**
 * What `handleMessage` calls back with to keep mqtt.js from acknowledging. mqtt.js only tests it
 * (and drops it): one instance for all, since building an Error captures a stack trace, which at
 * thousands of uplinks a second cost more than the rest of the hand-over.
 */
const ACK_DEFERRED = new Error('acquittement différé jusqu’à l’écriture au journal');

/**
 * QoS 1 deliveries acknowledged to the broker only once the hub has committed them to the journal.
 *
 * mqtt.js sends a PUBACK as soon as `handleMessage` calls back, and only then reads the next
 * packet: holding that callback until the commit would take one uplink per transaction (and stall
 * the keep-alive behind a slow disk). Instead `handleMessage` calls back at once with an error,
 * which mqtt.js documents as "do not acknowledge" (its QoS 1 handler skips the PUBACK and moves
 * on), and the hub writes the PUBACK itself when the writer settles the uplink.
 *
 * A PUBACK is bound to the connection its PUBLISH came on: after a reconnection the broker
 * redelivers whatever it was not acknowledged for (MQTT 3.1.1 §4.4, persistent session), so an
 * acknowledgement for the old connection is dropped, never sent on the new one.
 */
export class CommitAcks {
  private readonly deferred = new WeakSet<IPublishPacket>();
  private pending: number[] = [];
  private pendingStream: MqttClient['stream'] | undefined;
  /** Acknowledged after a commit, since start (for tests and health). */
  acknowledged = 0;
  /** Backpressure: uplinks handed to the hub and not yet settled (current connection only). */
  private readonly intake: IntakeGate;
  private lastLinkProofMs = 0;

  constructor(
    private readonly client: MqttClient,
    maxInFlight: number = DEFAULT_MAX_IN_FLIGHT,
  ) {
    this.intake = new IntakeGate(maxInFlight);
    client.handleMessage = (packet, callback) => {
      this.linkAlive();
      if (!this.deferred.has(packet)) return callback();
      const next = () => callback(ACK_DEFERRED);
      // Over the cap the callback waits: mqtt.js reads no further packet, the socket stops being
      // read, TCP pushes back and the broker holds the excess (its queue, not our memory).
      if (this.intake.full) this.intake.hold(next);
      else next();
    };
  }

  /**
   * A PUBLISH just read from the broker proves the link alive. mqtt.js counts only acks and
   * PINGRESPs as proof (and our PUBACKs, written past it, as nothing sent), so under load it sent
   * a PINGREQ every keep-alive period and waited for the PINGRESP queued behind every PUBLISH the
   * broker had already sent, held longer while the intake is paused: past 1.5 periods it dropped
   * a healthy link ("Keepalive timeout", every ~2 minutes at 10,000 uplinks/s offered) and the
   * broker redelivered thousands of uplinks. Postponing the check while messages flow keeps the
   * check for a link that has gone quiet. A quarter period apart at most: one timer reset, not
   * one per message.
   */
  private linkAlive(): void {
    const now = Date.now();
    if (now - this.lastLinkProofMs < (this.client.options.keepalive ?? 60) * 250) return;
    this.lastLinkProofMs = now;
    this.client.reschedulePing();
  }

  /** What the intake looks like now, for `/api/health`. */
  intakeStatus(): IntakeStatus {
    return this.intake.status();
  }

  /**
   * Takes over the acknowledgement of this delivery: mqtt.js will not send it. `settle` sends it,
   * once; `abandon` (the commit failed) sends nothing, the broker redelivers it on the next
   * connection. Either frees its place in the intake. Undefined for QoS 0 (nothing to acknowledge).
   */
  defer(packet: IPublishPacket): { settle: () => void; abandon: () => void } | undefined {
    if (packet.qos !== 1 || packet.messageId === undefined) return undefined;
    this.deferred.add(packet);
    const stream = this.client.stream;
    const messageId = packet.messageId;
    this.intake.take(stream);
    let done = false;
    const finish = (acknowledge: boolean) => {
      if (done) return;
      done = true;
      this.intake.release(stream);
      if (acknowledge) this.queue(stream, messageId);
    };
    return { settle: () => finish(true), abandon: () => finish(false) };
  }

  /**
   * The writer settles a whole batch in one loop: its PUBACKs leave in one socket write, in the
   * order the PUBLISHes came (MQTT 3.1.1 §4.6).
   */
  private queue(stream: MqttClient['stream'], messageId: number): void {
    if (this.client.stream !== stream || !this.client.connected || stream.destroyed) return;
    if (this.pendingStream !== stream) {
      this.pending = [];
      this.pendingStream = stream;
    }
    this.pending.push(messageId);
    if (this.pending.length === 1) queueMicrotask(() => this.flush());
  }

  private flush(): void {
    const stream = this.pendingStream;
    const ids = this.pending;
    this.pending = [];
    if (!stream || ids.length === 0 || this.client.stream !== stream || stream.destroyed) return;
    stream.write(pubackFrames(ids));
    this.acknowledged += ids.length;
  }
}

/**
 * PUBACK packets: type 4 (0x40), remaining length 2, the packet identifier. MQTT 5 allows the
 * same short form when the reason code is 0 (success) and there are no properties (§3.4.2.1).
 */
export function pubackFrames(messageIds: readonly number[]): Buffer {
  const frames = Buffer.allocUnsafe(messageIds.length * 4);
  messageIds.forEach((id, i) => {
    frames[i * 4] = 0x40;
    frames[i * 4 + 1] = 0x02;
    frames.writeUInt16BE(id, i * 4 + 2);
  });
  return frames;
}
