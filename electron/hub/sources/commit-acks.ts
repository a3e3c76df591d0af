import type { IPublishPacket, MqttClient } from 'mqtt';

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

  constructor(private readonly client: MqttClient) {
    client.handleMessage = (packet, callback) => {
      if (this.deferred.has(packet)) callback(new Error('acquittement différé jusqu’à l’écriture au journal'));
      else callback();
    };
  }

  /**
   * Takes over the acknowledgement of this delivery: mqtt.js will not send it; the returned
   * function sends it, once. Undefined for QoS 0 (nothing to acknowledge).
   */
  defer(packet: IPublishPacket): (() => void) | undefined {
    if (packet.qos !== 1 || packet.messageId === undefined) return undefined;
    this.deferred.add(packet);
    const stream = this.client.stream;
    const messageId = packet.messageId;
    let sent = false;
    return () => {
      if (sent) return;
      sent = true;
      this.queue(stream, messageId);
    };
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
