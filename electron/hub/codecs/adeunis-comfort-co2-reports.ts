import { type AdeunisFrame, adeunisTimestamp, reading } from './adeunis-frame';

/**
 * The COMFORT CO2's configuration (0x10) and daily report (0x30), from the same codec as
 * `adeunis-comfort-co2.ts`; kept apart so that file stays about the readings.
 */

/** 0x10: sampling and sending periods (the sampling period is counted in 2 s steps). */
export const COMFORT_CO2_CONFIGURATION: AdeunisFrame = {
  type: '0x10 Comfort CO2 configuration',
  read(reader, out) {
    // 9 bytes, or 11 with the black-out window of later firmware.
    if (reader.remaining !== 9 && reader.remaining !== 11) {
      if (reader.remaining < 9) reader.take(9);
      throw reader.fail('configuration : 9 ou 11 octets attendus', reader.offset + (reader.remaining < 11 ? 9 : 11));
    }
    const dailyFrame = reader.u16be();
    const historizationsPerSending = reader.u16be();
    const samplesPerHistorization = reader.u16be();
    const samplingSteps = reader.u16be();
    Object.assign(out, {
      dailyFrameActivated: dailyFrame !== 0,
      numberOfHistorizationBeforeSending: historizationsPerSending,
      numberOfSamplingBeforeHistorization: samplesPerHistorization,
      samplingPeriod: reading('s', samplingSteps * 2),
      redundantSamples: reader.u8(),
      calculatedPeriodRecording: reading('s', samplingSteps * samplesPerHistorization * 2),
      calculatedSendingPeriod: reading('s', samplingSteps * samplesPerHistorization * historizationsPerSending * 2),
    });
    if (!reader.done) {
      out.blackOutDuration = reading('h', reader.u8());
      out.blackOutStartTime = reading('h', reader.u8());
    }
  },
};

/**
 * 0x30: the day's icon and minutes in the red air-quality band, maxima and minimum temperature
 * (9 bytes), plus the other minima and the averages (17 bytes); a timestamp may follow.
 */
export const COMFORT_CO2_DAILY: AdeunisFrame = {
  type: '0x30 Comfort CO2 Daily frame',
  read(reader, out, status) {
    const timestampBytes = status & 0x04 ? 4 : 0;
    const body = reader.remaining - timestampBytes;
    if (body !== 9 && body !== 17) {
      if (body < 9) reader.take(9 + timestampBytes);
      throw reader.fail('rapport quotidien : 9 ou 17 octets attendus avant l’horodatage', reader.offset + (body < 17 ? 9 : 17));
    }
    out.icone = reader.u8();
    out.qaiRedDuration = reading('min', reader.u8() * 10);
    out.temperatureMax = reading('°C', reader.i16be() / 10);
    out.co2Max = reading('ppm', reader.u16be());
    out.humidityMax = reading('%', reader.u8());
    out.temperatureMin = reading('°C', reader.i16be() / 10);
    if (body === 17) {
      out.co2Min = reading('ppm', reader.u16be());
      out.humidityMin = reading('%', reader.u8());
      out.temperatureAverage = reading('°C', reader.i16be() / 10);
      out.co2Average = reading('ppm', reader.u16be());
      out.humidityAverage = reading('%', reader.u8());
    }
    if (status & 0x04) out.timestamp = adeunisTimestamp(reader.u32be());
  },
};
