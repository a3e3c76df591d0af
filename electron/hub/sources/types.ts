/**
 * What a field source (a LoRaWAN network server over MQTT, the demo simulator's broker) hands the
 * hub, and what the hub asks of it. Sources translate their wire format (ChirpStack v4, The Things
 * Stack v3) into these shapes; nothing past this point knows which network server was used.
 */

/** One uplink as the network server reported it. */
export interface Uplink {
  devEui: string;
  /** LoRaWAN FPort; 0 is MAC-only and never reaches the application. */
  fPort: number;
  fCnt: number;
  /** Raw application payload (`data` / `frm_payload`), when the network server sent it. */
  bytes?: Uint8Array;
  /** Payload already decoded by the network server's codec (`object` / `decoded_payload`). */
  object?: Record<string, unknown>;
  /** When the network server received it (ISO 8601, UTC). */
  receivedAt: string;
  rssiDbm?: number;
  snrDb?: number;
  /** The gateway that heard it best. */
  gatewayId?: string;
  /** Every gateway that heard it (ChirpStack `rxInfo`, TTS `rx_metadata`), for the network's health. */
  receptions?: Reception[];
  /** Whether the device also acknowledged the last confirmed downlink in this uplink. */
  ackedDownlink?: boolean;
  /**
   * Called by the hub once this uplink is committed to the journal (or refused by the hub itself,
   * which a redelivery would not change); never when the commit failed. MQTT sources acknowledge
   * the broker's QoS 1 delivery only then, so a crash never loses a message the broker handed over.
   */
  settle?: () => void;
  /** The commit failed: nothing is acknowledged (the broker redelivers), the source reads on. */
  abandon?: () => void;
}

/**
 * A device joined the network (OTAA join or rejoin): it starts a new session, whose uplink frame
 * counter restarts at 0.
 */
export interface Join {
  devEui: string;
  /** When the network server accepted the join (ISO 8601, UTC). */
  joinedAt: string;
  devAddr?: string;
  /** The gateway that heard the join-request best, when the network server says. */
  gatewayId?: string;
  rssiDbm?: number;
  snrDb?: number;
}

/** One gateway's reception of an uplink, with its position when the network server knows it. */
export interface Reception {
  gatewayId: string;
  rssiDbm?: number;
  snrDb?: number;
  location?: { lon: number; lat: number };
}

/** A downlink the hub wants delivered; `ref` ties the network server's reports back to a command. */
export interface DownlinkRequest {
  devEui: string;
  fPort: number;
  bytes: Uint8Array;
  /** Confirmed downlinks make the device acknowledge, which drives `delivered`. */
  confirmed: boolean;
  ref: string;
}

/**
 * What the network server says about a downlink after it was queued:
 * - `sent`: transmitted in a receive window (ChirpStack `txack`, TTS `down/sent`);
 * - `acked`: the device acknowledged it (ChirpStack `ack` with acknowledged=true, TTS `down/ack`);
 * - `failed`: not sent or not acknowledged (ChirpStack `ack` false / `log` error, TTS `down/nack`, `down/failed`).
 */
export interface DownlinkReport {
  ref: string;
  devEui: string;
  outcome: 'sent' | 'acked' | 'failed';
  /** Why it failed, as the network server said it. */
  reason?: string;
  at: string;
}

/** Where a source delivers what it receives. */
export interface SourceSink {
  uplink(uplink: Uplink): void;
  join(join: Join): void;
  downlinkReport(report: DownlinkReport): void;
}

export interface Source {
  readonly name: string;
  start(sink: SourceSink): Promise<void>;
  /**
   * Resolves when the network server (or broker) accepted the downlink into its queue. A source
   * that cannot address the device yet (not heard since start) may hold the downlink until the
   * device's next uplink and resolve then; it rejects if it gives the downlink up.
   */
  enqueueDownlink(request: DownlinkRequest): Promise<void>;
  /**
   * Gives up a downlink the source still holds (never handed to the network server), for a
   * command that expired or was replaced; its `enqueueDownlink` promise then rejects. False when
   * nothing is held under `ref`: the network server has it already, or never had it.
   */
  withdrawDownlink?(ref: string): boolean;
  stop(): Promise<void>;
}
