/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.internal.reader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.Crc16;

/**
 * A DSMR 5.0 three-phase meter with a gas meter (M-Bus channel 1) and a water meter (channel 2) in a household
 * with solar panels, so that every output can be tried without hardware.
 *
 * <p>
 * The day follows a household's rhythm in Dutch local time: a night base load (fridge, standby), a morning peak
 * (kettle, shower, breakfast), a midday load that the panels more than cover (export), and an evening peak
 * (cooking, washing). Gas follows heating and hot water, water the showers and the dishwasher. Each phase's net
 * power is computed first; the totals are their sum, so the phases always add up. Counters integrate the power
 * over the simulated time and only ever increase; gas and water are reported every five minutes as real meters
 * do. Every telegram carries a valid CRC16.
 *
 * <p>
 * Telegrams come every {@code interval} of real time, each advancing the meter's clock by {@code step}: equal for
 * real time, a larger step to compress a day into minutes.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class SimulatedMeter implements P1Source {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DSMR_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);
    private static final String HEADER = "SIM5\\2P1-SIMULATED-50";
    private static final String POWER_ID = hex("E0049001234567818");
    private static final String GAS_ID = hex("G0059001234567818");
    private static final String WATER_ID = hex("W0069001234567818");
    /** How the household's appliances are wired: share of the load per phase. */
    private static final double[] PHASE_SHARE = { 0.5, 0.3, 0.2 };

    private final Duration interval;
    private final Duration step;
    private final Random random;

    // meter state, guarded by this
    private ZonedDateTime clock;
    private double importT1Wh = 4_521_337;
    private double importT2Wh = 3_812_905;
    private double exportT1Wh = 1_204_118;
    private double exportT2Wh = 2_967_441;
    private double gasM3 = 3_214.562;
    private double waterM3 = 612.338;
    private double reportedGas;
    private double reportedWater;
    private ZonedDateTime reportedAt;
    private int applianceSecondsLeft;
    private double applianceWatts;
    private double cloud = 1.0;

    private @Nullable TelegramStream stream;

    /** Real time: one telegram per second, starting now. */
    public SimulatedMeter() {
        this(Instant.now(), Duration.ofSeconds(1), Duration.ofSeconds(1), System.nanoTime());
    }

    /**
     * @param start the meter's clock at the first telegram
     * @param interval real time between telegrams (ZERO: as fast as they are read)
     * @param step how far the meter's clock advances per telegram
     * @param seed for the random parts of the load (appliances, clouds)
     */
    public SimulatedMeter(Instant start, Duration interval, Duration step, long seed) {
        if (interval.isNegative() || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("interval must be >= 0 and step > 0");
        }
        this.interval = interval;
        this.step = step;
        this.random = new Random(seed);
        this.clock = start.atZone(ZONE).truncatedTo(ChronoUnit.SECONDS);
        this.reportedAt = fiveMinutesFloor(clock);
        this.reportedGas = gasM3;
        this.reportedWater = waterM3;
    }

    @Override
    public synchronized InputStream open() throws IOException {
        TelegramStream s = new TelegramStream();
        stream = s;
        return s;
    }

    @Override
    public void close() {
        TelegramStream s;
        synchronized (this) {
            s = stream;
            stream = null;
        }
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String describe() {
        return "simulated meter";
    }

    /** Its telegrams are made when they are read: nothing is lost by reading them later. */
    @Override
    public boolean canWait() {
        return true;
    }

    /** The next telegram, advancing the meter's clock by one step. */
    public synchronized byte[] nextTelegram() {
        Load load = load(clock);
        byte[] telegram = render(load);
        advance(load);
        return telegram;
    }

    /** Integrates the power shown in this telegram over the step, so the counters agree with the power. */
    private void advance(Load load) {
        double seconds = step.toMillis() / 1000.0;
        double net = load.netWatts();
        double hours = seconds / 3600.0;
        boolean low = lowTariff(clock);
        if (net > 0) {
            if (low) {
                importT1Wh += net * hours;
            } else {
                importT2Wh += net * hours;
            }
        } else {
            if (low) {
                exportT1Wh += -net * hours;
            } else {
                exportT2Wh += -net * hours;
            }
        }
        gasM3 += gasFlow(clock) * hours;
        waterM3 += waterFlow(clock) * hours;
        clock = clock.plus(step);
        ZonedDateTime boundary = fiveMinutesFloor(clock);
        if (boundary.isAfter(reportedAt)) {
            reportedAt = boundary;
            reportedGas = gasM3;
            reportedWater = waterM3;
        }
        if (applianceSecondsLeft > 0) {
            applianceSecondsLeft -= (int) Math.max(1, seconds);
        }
        cloud = Math.max(0.2, Math.min(1.0, cloud + (random.nextDouble() - 0.5) * 0.05 * Math.sqrt(seconds)));
    }

    private byte[] render(Load load) {
        StringBuilder t = new StringBuilder(1100);
        line(t, "/" + HEADER);
        line(t, "");
        line(t, "1-3:0.2.8(50)");
        line(t, "0-0:1.0.0(" + dsmrTime(clock) + ")");
        line(t, "0-0:96.1.1(" + POWER_ID + ")");
        line(t, "1-0:1.8.1(" + kwh(importT1Wh) + "*kWh)");
        line(t, "1-0:1.8.2(" + kwh(importT2Wh) + "*kWh)");
        line(t, "1-0:2.8.1(" + kwh(exportT1Wh) + "*kWh)");
        line(t, "1-0:2.8.2(" + kwh(exportT2Wh) + "*kWh)");
        line(t, "0-0:96.14.0(" + (lowTariff(clock) ? "0001" : "0002") + ")");
        line(t, "1-0:1.7.0(" + kw(Math.max(0, load.netWatts())) + "*kW)");
        line(t, "1-0:2.7.0(" + kw(Math.max(0, -load.netWatts())) + "*kW)");
        line(t, "0-0:96.7.21(00004)");
        line(t, "0-0:96.7.9(00002)");
        line(t, "1-0:99.97.0(0)(0-0:96.7.19)");
        line(t, "1-0:32.32.0(00002)");
        line(t, "1-0:52.32.0(00001)");
        line(t, "1-0:72.32.0(00001)");
        line(t, "1-0:32.36.0(00000)");
        line(t, "1-0:52.36.0(00000)");
        line(t, "1-0:72.36.0(00000)");
        line(t, "0-0:96.13.0()");
        String[] v = { "32", "52", "72" };
        String[] i = { "31", "51", "71" };
        String[] p = { "21", "41", "61" };
        String[] d = { "22", "42", "62" };
        for (int n = 0; n < 3; n++) {
            line(t, "1-0:" + v[n] + ".7.0(" + String.format(Locale.ROOT, "%05.1f", load.volts[n]) + "*V)");
        }
        for (int n = 0; n < 3; n++) {
            long amps = Math.round(Math.abs(load.phaseWatts[n]) / load.volts[n]);
            line(t, "1-0:" + i[n] + ".7.0(" + String.format(Locale.ROOT, "%03d", amps) + "*A)");
        }
        for (int n = 0; n < 3; n++) {
            line(t, "1-0:" + p[n] + ".7.0(" + kw(Math.max(0, load.phaseWatts[n])) + "*kW)");
        }
        for (int n = 0; n < 3; n++) {
            line(t, "1-0:" + d[n] + ".7.0(" + kw(Math.max(0, -load.phaseWatts[n])) + "*kW)");
        }
        line(t, "0-1:24.1.0(003)");
        line(t, "0-1:96.1.0(" + GAS_ID + ")");
        line(t, "0-1:24.2.1(" + dsmrTime(reportedAt) + ")(" + m3(reportedGas) + "*m3)");
        line(t, "0-2:24.1.0(007)");
        line(t, "0-2:96.1.0(" + WATER_ID + ")");
        line(t, "0-2:24.2.1(" + dsmrTime(reportedAt) + ")(" + m3(reportedWater) + "*m3)");
        t.append('!');
        byte[] body = t.toString().getBytes(StandardCharsets.US_ASCII);
        String crc = String.format(Locale.ROOT, "%04X\r\n", Crc16.compute(body, 0, body.length));
        byte[] out = new byte[body.length + crc.length()];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, out, body.length, crc.length());
        return out;
    }

    /** Power per phase (W, positive = import) and voltages at a moment. */
    private record Load(double[] phaseWatts, double[] volts) {
        double netWatts() {
            return phaseWatts[0] + phaseWatts[1] + phaseWatts[2];
        }
    }

    private Load load(ZonedDateTime at) {
        double h = at.getHour() + at.getMinute() / 60.0 + at.getSecond() / 3600.0;
        // night base load: fridge, freezer, standby, router
        double household = 160 + 40 * Math.sin(h * 7.1) + bump(h, 7.4, 0.6, 950) + bump(h, 12.6, 0.7, 350)
                + bump(h, 18.8, 1.3, 1450) + bump(h, 21.5, 0.8, 450);
        if (applianceSecondsLeft <= 0 && h > 6.5 && h < 23 && random.nextDouble() < 0.002) {
            // a kettle, oven or washing machine heating up for a few minutes
            applianceSecondsLeft = 120 + random.nextInt(900);
            applianceWatts = 1200 + random.nextInt(1000);
        }
        double appliance = applianceSecondsLeft > 0 ? applianceWatts : 0;
        double solar = h > 6 && h < 21.5 ? 3600 * Math.pow(Math.sin(Math.PI * (h - 6) / 15.5), 1.6) * cloud : 0;
        double[] phase = new double[3];
        double[] volts = new double[3];
        for (int n = 0; n < 3; n++) {
            double w = household * PHASE_SHARE[n] + (n == 0 ? appliance : 0) - solar / 3;
            w *= 1 + (random.nextDouble() - 0.5) * 0.04;
            phase[n] = Math.round(w); // whole watts: the meter's resolution
            volts[n] = Math.round((230.5 + n * 0.6 + (random.nextDouble() - 0.5) * 1.2 - w / 1000 * 0.9) * 10) / 10.0;
        }
        return new Load(phase, volts);
    }

    private static double bump(double h, double center, double width, double height) {
        double x = (h - center) / width;
        return height * Math.exp(-x * x / 2);
    }

    /** m3/h: heating mornings and evenings (more in winter), hot water for showers and cooking. */
    private static double gasFlow(ZonedDateTime at) {
        double h = at.getHour() + at.getMinute() / 60.0;
        int month = at.getMonthValue();
        double heating = month >= 5 && month <= 9 ? 0.1 : 1.0;
        return 0.02 + heating * (bump(h, 7, 1, 0.9) + bump(h, 19, 2, 0.7)) + bump(h, 7.5, 0.25, 0.6)
                + bump(h, 18.3, 0.4, 0.25);
    }

    /** m3/h: showers in the morning, dishwasher and taps in the evening. */
    private static double waterFlow(ZonedDateTime at) {
        double h = at.getHour() + at.getMinute() / 60.0;
        return bump(h, 7.5, 0.25, 0.5) + bump(h, 20, 0.5, 0.12) + (h > 7 && h < 23 ? 0.01 : 0);
    }

    /** Low tariff (tariff 1) at night and in weekends, as Dutch network operators switch. */
    private static boolean lowTariff(ZonedDateTime at) {
        int dow = at.getDayOfWeek().getValue();
        return dow >= 6 || at.getHour() >= 23 || at.getHour() < 7;
    }

    private static ZonedDateTime fiveMinutesFloor(ZonedDateTime t) {
        return t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 5 * 5);
    }

    private static String dsmrTime(ZonedDateTime t) {
        boolean summer = ZONE.getRules().isDaylightSavings(t.toInstant());
        return DSMR_TIME.format(t) + (summer ? 'S' : 'W');
    }

    /** Counters are truncated, not rounded, so the printed value never runs ahead of the integral. */
    private static String kwh(double wh) {
        return String.format(Locale.ROOT, "%010.3f", Math.floor(wh) / 1000.0);
    }

    private static String kw(double watts) {
        return String.format(Locale.ROOT, "%06.3f", watts / 1000.0);
    }

    private static String m3(double m3) {
        return String.format(Locale.ROOT, "%09.3f", Math.floor(m3 * 1000) / 1000.0);
    }

    private static void line(StringBuilder t, String line) {
        t.append(line).append("\r\n");
    }

    private static String hex(String text) {
        StringBuilder b = new StringBuilder();
        for (byte c : text.getBytes(StandardCharsets.US_ASCII)) {
            b.append(String.format(Locale.ROOT, "%02X", c));
        }
        return b.toString();
    }

    /** Hands out one telegram per interval; a read waits for the next one and fails once closed. */
    private final class TelegramStream extends InputStream {
        private byte[] current = new byte[0];
        private int pos;
        private long nextDue = System.nanoTime();
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte @Nullable [] buffer, int off, int len) throws IOException {
            byte[] b = Objects.requireNonNull(buffer);
            if (len == 0) {
                return 0;
            }
            synchronized (this) {
                while (pos >= current.length) {
                    if (closed) {
                        throw new IOException("simulated meter closed");
                    }
                    long wait = nextDue - System.nanoTime();
                    if (wait > 0) {
                        try {
                            this.wait(Math.max(1, wait / 1_000_000), 0);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted");
                        }
                        continue;
                    }
                    current = nextTelegram();
                    pos = 0;
                    nextDue = Math.max(nextDue + interval.toNanos(), System.nanoTime() - interval.toNanos());
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            pos = current.length;
            notifyAll();
        }
    }
}
