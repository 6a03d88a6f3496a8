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
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The JSON reading of a telegram (ARCHITECTURE.md, "The JSON reading"): smartmeter2mqtt's field names, kept
 * exactly, plus this project's extensions. One line, no trailing newline. Absent data is left out; zeros the
 * meter sent are written. Numbers are plain decimals (156.167, never 156.16699999 or 1.5E7).
 *
 * <p>
 * Written by hand rather than through Gson: the field set is fixed, and this is on the path of every
 * telegram of every output.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TelegramJson {

    private static final long[] POW10 = { 1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L };
    private static final Quantity[] QUANTITIES = Quantity.all();

    private TelegramJson() {
    }

    public static String toJson(P1Telegram t) {
        String json = t.json;
        if (json == null) {
            StringBuilder sb = new StringBuilder(2048); // a three-phase telegram with gas takes about 1.3 K
            write(sb, t);
            json = sb.toString();
            t.json = json;
        }
        return json;
    }

    /** Appends the JSON reading of {@code t} to {@code sb}. */
    public static void write(StringBuilder sb, P1Telegram t) {
        sb.append("{\"header\":");
        string(sb, t.header());
        String v = t.p1Version();
        if (v != null) {
            sb.append(",\"p1Version\":");
            string(sb, v);
        }
        OffsetDateTime ts = t.timestamp();
        if (ts != null) {
            sb.append(",\"powerTs\":");
            time(sb, ts);
        }
        String sn = t.equipmentId();
        if (sn != null) {
            sb.append(",\"powerSn\":");
            string(sb, sn);
        }
        for (Quantity q : QUANTITIES) {
            double d = t.get(q);
            if (!Double.isNaN(d)) {
                sb.append(",\"").append(q.jsonName()).append("\":");
                number(sb, d);
            }
        }
        MBusDevice gas = t.mbus(MBusDevice.Kind.GAS);
        if (gas != null) {
            if (gas.deviceType() >= 0) {
                sb.append(",\"deviceType\":");
                string(sb, deviceType(gas.deviceType()));
            }
            String gsn = gas.serial();
            if (gsn != null) {
                sb.append(",\"gasSn\":");
                string(sb, gsn);
            }
            reading(sb, "gas", gas, false);
        }
        MBusDevice water = t.mbus(MBusDevice.Kind.WATER);
        if (water != null) {
            reading(sb, "water", water, false);
        }
        MBusDevice heat = t.mbus(MBusDevice.Kind.HEAT);
        if (heat != null) {
            reading(sb, "heat", heat, true);
        }
        List<MBusDevice> mbus = t.mbus();
        if (!mbus.isEmpty()) {
            sb.append(",\"mbus\":[");
            for (int i = 0; i < mbus.size(); i++) {
                MBusDevice d = mbus.get(i);
                sb.append(i == 0 ? "{" : ",{").append("\"channel\":").append(d.channel());
                if (d.deviceType() >= 0) {
                    sb.append(",\"deviceType\":");
                    string(sb, deviceType(d.deviceType()));
                }
                String dsn = d.serial();
                if (dsn != null) {
                    sb.append(",\"sn\":");
                    string(sb, dsn);
                }
                OffsetDateTime dts = d.timestamp();
                if (dts != null) {
                    sb.append(",\"ts\":");
                    time(sb, dts);
                }
                if (d.hasValue()) {
                    sb.append(",\"value\":");
                    number(sb, d.value());
                    if (d.unit() != Quantity.Unit.NONE) {
                        sb.append(",\"unit\":");
                        string(sb, d.unit().symbol());
                    }
                }
                sb.append('}');
            }
            sb.append(']');
        }
        String text = t.textMessage();
        if (text != null) {
            sb.append(",\"textMessage\":");
            string(sb, text);
        }
        List<PowerFailure> log = t.powerFailureLog();
        if (!log.isEmpty()) {
            sb.append(",\"powerFailureLog\":[");
            for (int i = 0; i < log.size(); i++) {
                PowerFailure f = log.get(i);
                sb.append(i == 0 ? "{" : ",{");
                OffsetDateTime end = f.end();
                if (end != null) {
                    sb.append("\"ts\":");
                    time(sb, end);
                    sb.append(',');
                }
                sb.append("\"durationSeconds\":").append(f.durationSeconds()).append('}');
            }
            sb.append(']');
        }
        PeakDemand peak = t.peakDemand();
        if (peak != null) {
            sb.append(",\"peakDemand\":{");
            OffsetDateTime pts = peak.timestamp();
            if (pts != null) {
                sb.append("\"ts\":");
                time(sb, pts);
                sb.append(',');
            }
            sb.append("\"value\":");
            number(sb, peak.kw());
            sb.append('}');
        }
        List<PeakDemand> history = t.peakDemandHistory();
        if (!history.isEmpty()) {
            sb.append(",\"peakDemandHistory\":[");
            for (int i = 0; i < history.size(); i++) {
                PeakDemand p = history.get(i);
                sb.append(i == 0 ? "{" : ",{");
                OffsetDateTime month = p.month();
                if (month != null) {
                    sb.append("\"month\":");
                    time(sb, month);
                    sb.append(',');
                }
                OffsetDateTime pts = p.timestamp();
                if (pts != null) {
                    sb.append("\"ts\":");
                    time(sb, pts);
                    sb.append(',');
                }
                sb.append("\"value\":");
                number(sb, p.kw());
                sb.append('}');
            }
            sb.append(']');
        }
        sb.append(",\"crc\":").append(t.crcChecked());
        double net = t.netPowerWatts();
        if (!Double.isNaN(net)) {
            sb.append(",\"calculatedUsage\":");
            number(sb, net);
        }
        sb.append('}');
    }

    private static void reading(StringBuilder sb, String name, MBusDevice d, boolean withUnit) {
        OffsetDateTime ts = d.timestamp();
        if (ts == null && !d.hasValue()) {
            return;
        }
        sb.append(",\"").append(name).append("\":{");
        boolean first = true;
        if (ts != null) {
            sb.append("\"ts\":");
            time(sb, ts);
            first = false;
        }
        if (d.hasValue()) {
            sb.append(first ? "" : ",").append("\"totalUse\":");
            number(sb, d.value());
            if (withUnit && d.unit() != Quantity.Unit.NONE) {
                sb.append(",\"unit\":");
                string(sb, d.unit().symbol());
            }
        }
        sb.append('}');
    }

    /** smartmeter2mqtt wrote the device type as the meter sends it: three digits ("003"). */
    static String deviceType(int type) {
        if (type >= 0 && type < 10) {
            return "00" + type;
        } else if (type >= 10 && type < 100) {
            return "0" + type;
        }
        return Integer.toString(type);
    }

    private static void time(StringBuilder sb, OffsetDateTime t) {
        sb.append('"');
        DsmrTime.appendIso(sb, t);
        sb.append('"');
    }

    /**
     * A double as the shortest plain decimal (at most 9 decimals) that reads back as the same double; values
     * from meters have at most 7 decimals, so this is exact for every value a telegram carries.
     */
    static void number(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            sb.append("null");
            return;
        }
        double a = Math.abs(v);
        if (a < 1e9) {
            for (int d = 0; d < POW10.length; d++) {
                double x = a * POW10[d];
                long m = Math.round(x);
                // the exact test divides; a cheap look first skips the scales that are far from an integer
                if (Math.abs(x - m) <= 1e-6 * (x + 1) && m / (double) POW10[d] == a) {
                    if (v < 0 && m != 0) {
                        sb.append('-');
                    }
                    long ip = m / POW10[d];
                    sb.append(ip);
                    if (d > 0) {
                        sb.append('.');
                        long fp = m % POW10[d];
                        // leading zeros of the fraction
                        for (long p = POW10[d - 1]; p > fp && p > 1; p /= 10) {
                            sb.append('0');
                        }
                        sb.append(fp);
                    }
                    return;
                }
            }
        }
        sb.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F) {
                return true;
            }
        }
        return false;
    }

    static void string(StringBuilder sb, @Nullable String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        if (!needsEscape(s)) {
            sb.append(s).append('"'); // meters' texts nearly always: one copy instead of a char at a time
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
