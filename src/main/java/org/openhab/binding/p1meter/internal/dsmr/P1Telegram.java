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
package org.openhab.binding.p1meter.internal.dsmr;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One valid telegram: the bytes as received and everything the parser read from them. Immutable once built;
 * safe to hand to any number of listeners on any threads.
 *
 * <p>
 * Numeric quantities are stored in a primitive array indexed by {@link Quantity} (NaN = not sent), so that a
 * telegram costs a handful of allocations and absent data stays absent rather than becoming 0.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class P1Telegram {

    private final byte[] raw;
    private final String header;
    private final boolean crcChecked;
    private final double[] quantities;
    private final @Nullable String p1Version;
    private final @Nullable OffsetDateTime timestamp;
    private final @Nullable String equipmentId;
    private final @Nullable String textMessage;
    private final @Nullable String textCode;
    private final List<MBusDevice> mbus;
    private final MBusSelection mbusSelection;
    private final List<PowerFailure> powerFailureLog;
    private final @Nullable PeakDemand peakDemand;
    private final List<PeakDemand> peakDemandHistory;
    private final List<UnknownObject> unknown;
    /**
     * The JSON reading, written once however many outputs ask (JSON TCP, MQTT, dashboard, webhook). A plain
     * field: racing threads at worst write the same string twice, and a String is safe to publish.
     */
    @Nullable
    String json;

    private P1Telegram(Builder b) {
        this.raw = b.raw;
        this.header = b.header;
        this.crcChecked = b.crcChecked;
        this.quantities = b.quantities;
        this.p1Version = b.p1Version;
        this.timestamp = b.timestamp;
        this.equipmentId = b.equipmentId;
        this.textMessage = b.textMessage;
        this.textCode = b.textCode;
        this.mbus = List.copyOf(b.mbus);
        this.mbusSelection = b.mbusSelection;
        this.powerFailureLog = List.copyOf(b.powerFailureLog);
        this.peakDemand = b.peakDemand;
        this.peakDemandHistory = List.copyOf(b.peakDemandHistory);
        this.unknown = List.copyOf(b.unknown);
    }

    /** The telegram exactly as received, from '/' up to and including the CRLF after the CRC. Do not modify. */
    public byte[] raw() {
        return raw;
    }

    /** The identification line without the leading '/' (e.g. {@code ISK5\2M550T-1012}). */
    public String header() {
        return header;
    }

    /** True when the telegram carried a CRC and it matched; false for dialects without CRC (DSMR 2.2/3.0). */
    public boolean crcChecked() {
        return crcChecked;
    }

    /** The value of a quantity in its normalised unit, or NaN when the meter did not send it. */
    public double get(Quantity q) {
        return quantities[q.ordinal()];
    }

    public boolean has(Quantity q) {
        return !Double.isNaN(quantities[q.ordinal()]);
    }

    /**
     * A total (energy import or export): the meter's own total register when it sends one (1-0:1.8.0 / 2.8.0),
     * else the exact sum of the tariff registers it sends; null when it sends neither. The one place this sum is
     * made: the openHAB channel shows it, Home Assistant's sensor sums {@link #tariffsOf} the same way.
     */
    public @Nullable BigDecimal total(Quantity total) {
        if (has(total)) {
            return BigDecimal.valueOf(get(total));
        }
        BigDecimal sum = null;
        for (Quantity tariff : tariffsOf(total)) {
            BigDecimal value = BigDecimal.valueOf(get(tariff));
            sum = sum == null ? value : sum.add(value);
        }
        return sum;
    }

    /** The tariff registers of a total that this telegram carries, in tariff order. */
    public List<Quantity> tariffsOf(Quantity total) {
        return total.tariffs().stream().filter(this::has).toList();
    }

    /**
     * Net power in W: import minus export, negative when exporting; NaN when the meter sends neither.
     * smartmeter2mqtt's {@code calculatedUsage}.
     */
    public double netPowerWatts() {
        double in = get(Quantity.POWER_IMPORT);
        double out = get(Quantity.POWER_EXPORT);
        if (Double.isNaN(in) && Double.isNaN(out)) {
            return Double.NaN;
        }
        return Math.round(((Double.isNaN(in) ? 0 : in) - (Double.isNaN(out) ? 0 : out)) * 1000.0);
    }

    /** 1-3:0.2.8 (or e-MUCS 0-0:96.1.4) as sent, e.g. "50"; null for DSMR 2.2/3.0. */
    public @Nullable String p1Version() {
        return p1Version;
    }

    /** The meter's clock (0-0:1.0.0), null when absent or a placeholder. */
    public @Nullable OffsetDateTime timestamp() {
        return timestamp;
    }

    /** The electricity meter's equipment identifier (0-0:96.1.1) as sent. */
    public @Nullable String equipmentId() {
        return equipmentId;
    }

    /** The text message (0-0:96.13.0), hex payloads decoded to text; null when absent or empty. */
    public @Nullable String textMessage() {
        return textMessage;
    }

    /** The text message code (0-0:96.13.1), decoded like the text message; null when absent or empty. */
    public @Nullable String textCode() {
        return textCode;
    }

    /** M-Bus devices in channel order. */
    public List<MBusDevice> mbus() {
        return mbus;
    }

    /**
     * "The" M-Bus device of the given kind (the JSON reading's {@code gas}, {@code water}, {@code heat}): the one
     * the user pinned, else the one with the newest reading ({@link MBusSelection}); null when there is none.
     */
    public @Nullable MBusDevice mbus(MBusDevice.Kind kind) {
        return mbusSelection.select(mbus, kind);
    }

    /** How {@link #mbus(MBusDevice.Kind)} chooses. */
    public MBusSelection mbusSelection() {
        return mbusSelection;
    }

    public List<PowerFailure> powerFailureLog() {
        return powerFailureLog;
    }

    /** Belgian running-month peak demand (1-0:1.6.0), or null. */
    public @Nullable PeakDemand peakDemand() {
        return peakDemand;
    }

    /** Belgian peak demand of past months (0-0:98.1.0), oldest first as sent. */
    public List<PeakDemand> peakDemandHistory() {
        return peakDemandHistory;
    }

    /** Objects the catalogue does not know, as sent. */
    public List<UnknownObject> unknown() {
        return unknown;
    }

    /**
     * True when the telegram holds no object of the meter the catalogue knows: no clock, identifier, version,
     * M-Bus device or quantity. That is what line noise framed as {@code /...!} looks like (a meter read at the
     * wrong baud rate, a dongle's boot messages); unknown objects do not count, since random bytes often hold
     * something of the form {@code x(y)}.
     */
    public boolean carriesNothing() {
        if (timestamp != null || equipmentId != null || p1Version != null || !mbus.isEmpty()) {
            return false;
        }
        for (double v : quantities) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "P1Telegram[" + header + ", " + (timestamp == null ? "no time" : timestamp) + ", " + netPowerWatts()
                + " W]";
    }

    /** Collects what the parser reads; {@link #build()} freezes it. Not thread-safe. */
    public static final class Builder {
        private byte[] raw = new byte[0];
        private String header = "";
        private boolean crcChecked;
        private final double[] quantities = new double[Quantity.all().length];
        private @Nullable String p1Version;
        private @Nullable OffsetDateTime timestamp;
        private @Nullable String equipmentId;
        private @Nullable String textMessage;
        private @Nullable String textCode;
        private List<MBusDevice> mbus = List.of();
        private MBusSelection mbusSelection = MBusSelection.NEWEST;
        private List<PowerFailure> powerFailureLog = List.of();
        private @Nullable PeakDemand peakDemand;
        private List<PeakDemand> peakDemandHistory = List.of();
        private List<UnknownObject> unknown = List.of();

        public Builder() {
            Arrays.fill(quantities, Double.NaN);
        }

        public Builder raw(byte[] raw) {
            this.raw = raw;
            return this;
        }

        public Builder header(String header) {
            this.header = header;
            return this;
        }

        public Builder crcChecked(boolean crcChecked) {
            this.crcChecked = crcChecked;
            return this;
        }

        public Builder set(Quantity q, double value) {
            quantities[q.ordinal()] = value;
            return this;
        }

        public double get(Quantity q) {
            return quantities[q.ordinal()];
        }

        public Builder p1Version(@Nullable String v) {
            this.p1Version = v;
            return this;
        }

        public Builder timestamp(@Nullable OffsetDateTime t) {
            this.timestamp = t;
            return this;
        }

        public Builder equipmentId(@Nullable String id) {
            this.equipmentId = id;
            return this;
        }

        public Builder textMessage(@Nullable String text) {
            this.textMessage = text;
            return this;
        }

        public Builder textCode(@Nullable String text) {
            this.textCode = text;
            return this;
        }

        public Builder mbus(List<MBusDevice> devices) {
            this.mbus = devices;
            return this;
        }

        public Builder mbusSelection(MBusSelection selection) {
            this.mbusSelection = selection;
            return this;
        }

        public Builder powerFailureLog(List<PowerFailure> log) {
            this.powerFailureLog = log;
            return this;
        }

        public Builder peakDemand(@Nullable PeakDemand peak) {
            this.peakDemand = peak;
            return this;
        }

        public Builder peakDemandHistory(List<PeakDemand> history) {
            this.peakDemandHistory = history;
            return this;
        }

        public Builder unknown(List<UnknownObject> unknown) {
            this.unknown = unknown;
            return this;
        }

        public P1Telegram build() {
            return new P1Telegram(this);
        }
    }
}
