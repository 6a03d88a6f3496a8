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

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.ObisCatalogue.Row;

/**
 * Reads one telegram ('/' .. '!' [CRC]) into a {@link P1Telegram}, for every dialect: DSMR 2.2 to 5.0.2,
 * e-MUCS, Smarty, Austrian, E.ON Hungary, Swedish, Irish, EasyMeter Q3D and ACE4000 telegrams. The dialect
 * needs no configuration: every object is read by what its OBIS id and its value say.
 *
 * <p>
 * Tolerated on purpose, because real meters send it: no blank line after the header; values continued on the
 * next line (DSMR 2.2/3.0 gas {@code 0-1:24.3.0(...)} followed by {@code (00124.477)}, text messages broken
 * inside the parentheses); ".255"/"*255" suffixes; ':' typed for '.' ({@code 1-0:99:97.0}); units without
 * '*' ({@code (000123.456kWh)}) or in lower case; values without unit; Wh/W/varh/var (converted to the k-units).
 * A line that cannot be read is kept in {@link P1Telegram#unknown()} and the rest of the telegram is read
 * normally; unknown objects are kept as well. Nothing here throws on bad content.
 *
 * <p>
 * Speed: works on the bytes directly (no String per line, no regex, no BigDecimal), looks ids up by a packed
 * {@code long}. One instance may be reused for any number of telegrams by one thread at a time.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TelegramParser {

    private static final int MAX_GROUPS = 96;
    /** Byte classes for the inner loops: digits and separators of an OBIS id, what ends a value group. */
    private static final byte DIGIT = 1;
    private static final byte SEPARATOR = 2;
    private static final byte GROUP_STOP = 3;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        for (char c : new char[] { '-', ':', '.', '*' }) {
            CLASS[c] = SEPARATOR;
        }
        for (char c : new char[] { ')', '\r', '\n' }) {
            CLASS[c] = GROUP_STOP;
        }
    }
    private static final byte[] NOTHING = new byte[0];
    private static final int CHANNELS = 5; // M-Bus channels 1..4, index 0 unused
    private static final double[] POW10 = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

    // value groups of the object being read: b[groupStart[i] .. groupEnd[i])
    private final int[] groupStart = new int[MAX_GROUPS];
    private final int[] groupEnd = new int[MAX_GROUPS];
    private int groups;
    private final int[] id = new int[6];
    private int idFields;

    // the number last read by readNumber()
    private double number;
    private RawUnit unit = RawUnit.NONE;

    // per telegram
    private byte[] b = NOTHING;
    private P1Telegram.@Nullable Builder out;
    private int equipmentIdPriority;
    private boolean versionFromHeaderObject;
    private @Nullable List<UnknownObject> unknown;
    private @Nullable List<PowerFailure> failures;
    private @Nullable List<PeakDemand> peaks;
    // ACE4000 gas, read from its hourly profile
    private @Nullable OffsetDateTime gasProfileTime;
    private double gasProfileValue;
    private Quantity.Unit gasProfileUnit = Quantity.Unit.NONE;
    private int gasProfileValve;

    /*
     * A meter repeats most of its text in every telegram: header, identifiers, the gas reading's time, the
     * failure log. Reusing the (immutable) objects read from the same bytes last time keeps a telegram at about
     * 2 KB of allocation. Keyed by what was read, so a changed value is always read afresh.
     */
    private static final int SLOT_HEADER = 0;
    private static final int SLOT_VERSION = 1;
    private static final int SLOT_EQUIPMENT_ID = 2;
    private static final int SLOT_MBUS_ID = 3; // + channel
    private static final int SLOTS = SLOT_MBUS_ID + CHANNELS;
    private final byte[][] textBytes = new byte[SLOTS][];
    private final @Nullable String[] textValue = new String[SLOTS];
    private static final int TIME_CACHE = 16;
    private final long[] timeKey = new long[TIME_CACHE];
    private final @Nullable OffsetDateTime[] timeValue = new OffsetDateTime[TIME_CACHE];
    private int timeNext;
    private byte[] failureLogBytes = new byte[0];
    private List<PowerFailure> failureLogValue = List.of();
    private byte[] peakBytes = new byte[0];
    private List<PeakDemand> peakValue = List.of();

    // M-Bus devices collected per channel
    private final boolean[] mSeen = new boolean[CHANNELS];
    private final int[] mType = new int[CHANNELS];
    private final @Nullable String[] mId = new String[CHANNELS];
    private final int[] mIdPriority = new int[CHANNELS];
    private final @Nullable OffsetDateTime[] mTime = new OffsetDateTime[CHANNELS];
    private final double[] mValue = new double[CHANNELS];
    private final Quantity.Unit[] mUnit = new Quantity.Unit[CHANNELS];
    private final int[] mValve = new int[CHANNELS];
    /** The reading's time was sent but is a placeholder ({@code 700101010000W}, {@code 632525252525S} ...). */
    private final boolean[] mTimePlaceholder = new boolean[CHANNELS];

    private final MBusSelection selection;

    /** A parser whose telegrams take the newest M-Bus reading of each kind as the gas, water and heat meter. */
    public TelegramParser() {
        this(MBusSelection.NEWEST);
    }

    /** A parser whose telegrams choose their gas, water and heat meter by {@code selection}. */
    public TelegramParser(MBusSelection selection) {
        this.selection = selection;
    }

    /**
     * Reads one telegram.
     *
     * @param telegram the bytes from '/' to the end of the telegram (the '!' line and anything after it are
     *            not read); the array becomes the telegram's {@link P1Telegram#raw()} and must not be modified
     * @param crcChecked whether the caller verified the telegram's CRC
     * @throws IllegalArgumentException when there is no '/' at all
     */
    public static P1Telegram parse(byte[] telegram, boolean crcChecked) {
        return new TelegramParser().read(telegram, crcChecked);
    }

    /** As {@link #parse}, reusing this instance's scratch space. */
    public P1Telegram read(byte[] telegram, boolean crcChecked) {
        int start = 0;
        while (start < telegram.length && telegram[start] != '/') {
            start++;
        }
        if (start >= telegram.length) {
            throw new IllegalArgumentException("not a P1 telegram: no '/' found");
        }
        P1Telegram.Builder builder = new P1Telegram.Builder().raw(telegram).crcChecked(crcChecked)
                .mbusSelection(selection);
        begin(telegram, builder);
        try {
            int e = telegram.length;
            int p = start + 1;
            int h = p;
            while (p < e && telegram[p] != '\r' && telegram[p] != '\n') {
                p++;
            }
            builder.header(cachedText(SLOT_HEADER, h, p));
            while (true) {
                while (p < e && isSpace(telegram[p])) {
                    p++;
                }
                if (p >= e || telegram[p] == '!') {
                    break;
                }
                p = readObject(p, e);
            }
            finish(builder);
            return builder.build();
        } finally {
            b = NOTHING; // do not keep the telegram alive through the parser
            out = null;
        }
    }

    private void begin(byte[] telegram, P1Telegram.Builder builder) {
        b = telegram;
        out = builder;
        equipmentIdPriority = -1;
        versionFromHeaderObject = false;
        unknown = null;
        failures = null;
        peaks = null;
        gasProfileTime = null;
        gasProfileValve = -1;
        Arrays.fill(mSeen, false);
        Arrays.fill(mType, -1);
        Arrays.fill(mId, null);
        Arrays.fill(mIdPriority, -1);
        Arrays.fill(mTime, null);
        Arrays.fill(mValue, Double.NaN);
        Arrays.fill(mUnit, Quantity.Unit.NONE);
        Arrays.fill(mValve, -1);
        Arrays.fill(mTimePlaceholder, false);
    }

    private void finish(P1Telegram.Builder builder) {
        OffsetDateTime gasTime = gasProfileTime;
        if (gasTime != null) {
            // the ACE4000 names its gas meter on an M-Bus channel (0-3:96.1.0) without a reading there
            int ch = 1;
            for (int c = 1; c < CHANNELS; c++) {
                if (mSeen[c] && Double.isNaN(mValue[c])) {
                    ch = c;
                    break;
                }
            }
            mSeen[ch] = true;
            mValue[ch] = gasProfileValue;
            mTime[ch] = gasTime;
            mUnit[ch] = gasProfileUnit;
            if (mType[ch] < 0) {
                mType[ch] = MBusDevice.TYPE_GAS; // medium A = 7 is gas
            }
            if (gasProfileValve >= 0) {
                mValve[ch] = gasProfileValve;
            }
        }
        MBusDevice[] devices = null;
        int count = 0;
        for (int ch = 1; ch < CHANNELS; ch++) {
            if (mTimePlaceholder[ch] && mValue[ch] == 0) {
                // "0-1:24.2.1(700101010000W)(00000000)", "(632525252525S)(00000.000)": the meter's way of saying
                // that no reading came; absent, never a reading of 0
                mValue[ch] = Double.NaN;
                mUnit[ch] = Quantity.Unit.NONE;
            }
            // a device has an identifier or a reading: a slot with a device type and nothing else
            // ("0-1:24.1.0(003)", "0-1:96.1.0()" or all zeros) is a channel the meter keeps for a device to come
            if (mSeen[ch] && (identifies(mId[ch]) || !Double.isNaN(mValue[ch]))) {
                if (devices == null) {
                    devices = new MBusDevice[CHANNELS - 1];
                }
                devices[count++] = new MBusDevice(ch, mType[ch], mId[ch], mTime[ch], mValue[ch], mUnit[ch],
                        mValve[ch]);
            }
        }
        // immutable lists, which P1Telegram keeps as they are instead of copying
        if (devices != null) {
            builder.mbus(count == 1 ? List.of(devices[0]) : List.of(Arrays.copyOf(devices, count)));
        }
        List<UnknownObject> u = unknown;
        if (u != null) {
            builder.unknown(u);
        }
        List<PowerFailure> f = failures;
        if (f != null) {
            builder.powerFailureLog(f);
        }
        List<PeakDemand> pk = peaks;
        if (pk != null) {
            builder.peakDemandHistory(pk);
        }
    }

    /** An equipment identifier that names a device: not absent, not all zeros. */
    private static boolean identifies(@Nullable String id) {
        if (id == null) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    /** Reads the object starting at {@code p}; returns where the next one may start. */
    private int readObject(int start, int e) {
        byte[] b = this.b;
        int p = start;
        // the OBIS id: A-B:C.D.E[.F|*F], read leniently (any of "-:.*" between groups)
        idFields = 0;
        int cur = -1;
        boolean badId = false;
        byte[] cls = CLASS;
        while (p < e) {
            byte c = b[p];
            byte k = cls[c & 0xFF];
            if (k == DIGIT) {
                cur = (cur < 0 ? 0 : cur * 10) + (c - '0');
                if (cur > 1022) {
                    badId = true;
                    cur = 0;
                }
            } else if (k == SEPARATOR) {
                if (cur < 0 || idFields >= 5) {
                    badId = true;
                } else {
                    id[idFields++] = cur;
                }
                cur = -1;
            } else {
                break;
            }
            p++;
        }
        if (cur >= 0 && idFields < 6) {
            id[idFields++] = cur;
        }
        int idEnd = p;
        if (p >= e || b[p] != '(' || idFields < 5 || badId) {
            // not an object we can read: keep the line as an unknown one and go on with the next
            int eol = endOfLine(p, e);
            if (eol > start) {
                keepUnknown(start, idEnd, eol, false);
            }
            return eol;
        }
        // the value groups, possibly continued on the next line(s)
        groups = 0;
        boolean malformed = false;
        while (p < e && b[p] == '(') {
            int s = ++p;
            while (p < e && b[p] != ')') {
                // one table look-up per byte until ')' or a line end
                while (p < e && cls[b[p] & 0xFF] != GROUP_STOP) {
                    p++;
                }
                if (p >= e || b[p] == ')') {
                    break;
                }
                if (b[p] == '\r' || b[p] == '\n') {
                    // a line break inside the parentheses: a text message split over lines, unless the next
                    // line clearly starts a new object (then this one was cut short)
                    int q = skipLineEnd(p, e);
                    if (q >= e || b[q] == '!' || startsObject(q, e)) {
                        break;
                    }
                    p = q;
                    continue;
                }
                p++;
            }
            if (p >= e || b[p] != ')') {
                malformed = true;
                break;
            }
            if (groups < MAX_GROUPS) {
                groupStart[groups] = s;
                groupEnd[groups] = p;
                groups++;
            }
            p++;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p < e && (b[p] == '\r' || b[p] == '\n')) {
                int q = skipLineEnd(p, e);
                if (q < e && b[q] == '(') {
                    p = q; // DSMR 2.2/3.0: the gas value on the line after 0-n:24.3.0
                }
            }
        }
        int eol = endOfLine(p, e);
        if (malformed) {
            keepUnknown(start, idEnd, p, true);
            return p;
        }
        if (!dispatch()) {
            keepUnknown(start, idEnd, eol, true);
        }
        return eol;
    }

    /** Interprets the object just read; false when it is unknown or its value cannot be read. */
    private boolean dispatch() {
        Row row = ObisCatalogue.lookup(id[0], id[1], id[2], id[3], id[4]);
        if (row == null || groups == 0) {
            return false;
        }
        P1Telegram.Builder o = out;
        if (o == null) {
            return false;
        }
        Quantity q = row.quantity();
        if (q != null) {
            // most objects are plain quantities: kept out of the switch below
            if (!readNumber(0, q.unit())) {
                return false;
            }
            o.set(q, number);
            return true;
        }
        return dispatchOther(row, o);
    }

    private boolean dispatchOther(Row row, P1Telegram.Builder o) {
        int channel = id[1];
        switch (row.kind()) {
            case THRESHOLD:
                if (!readNumber(0, Quantity.Unit.KW)) {
                    return false;
                }
                o.set(unit == RawUnit.A ? Quantity.FUSE_THRESHOLD : Quantity.LIMITER_THRESHOLD, number);
                return true;
            case TIMESTAMP:
                o.timestamp(time(0));
                return true;
            case VERSION: {
                String v = cachedText(SLOT_VERSION, groupStart[0], groupEnd[0]);
                if (!v.isEmpty()) {
                    o.p1Version(v);
                    versionFromHeaderObject = true;
                }
                return true;
            }
            case EMUCS_VERSION: {
                String v = cachedText(SLOT_VERSION, groupStart[0], groupEnd[0]);
                if (!v.isEmpty() && !versionFromHeaderObject) {
                    o.p1Version(v);
                }
                return true;
            }
            case EQUIPMENT_ID: {
                String v = cachedText(SLOT_EQUIPMENT_ID, groupStart[0], groupEnd[0]).strip();
                if (!v.isEmpty() && row.priority() > equipmentIdPriority) {
                    o.equipmentId(v);
                    equipmentIdPriority = row.priority();
                }
                return true;
            }
            case TEXT:
                o.textMessage(message());
                return true;
            case TEXT_CODE:
                o.textCode(message());
                return true;
            case FAILURE_LOG:
                return readFailureLog();
            case PEAK_DEMAND: {
                int v = groups - 1;
                if (!readNumber(v, Quantity.Unit.KW)) {
                    return false;
                }
                o.peakDemand(new PeakDemand(null, groups > 1 ? time(0) : null, number));
                return true;
            }
            case PEAK_HISTORY:
                return readPeakHistory();
            case GAS_PROFILE:
                return readGasProfile();
            case GAS_VALVE:
                if (!readNumber(0, Quantity.Unit.NONE)) {
                    return false;
                }
                gasProfileValve = (int) number;
                return true;
            default:
                break;
        }
        return readMBus(row, channel);
    }

    /** An object of M-Bus channel {@code channel}. */
    private boolean readMBus(Row row, int channel) {
        if (id[0] != 0 || channel < 1 || channel >= CHANNELS) {
            return false;
        }
        switch (row.kind()) {
            case MBUS_TYPE:
                mSeen[channel] = true;
                if (groupEnd[0] > groupStart[0] && readNumber(0, Quantity.Unit.NONE)) {
                    mType[channel] = (int) number;
                }
                return true;
            case MBUS_ID: {
                String v = cachedText(SLOT_MBUS_ID + channel, groupStart[0], groupEnd[0]).strip();
                if (!v.isEmpty() && row.priority() > mIdPriority[channel]) {
                    mId[channel] = v;
                    mIdPriority[channel] = row.priority();
                }
                mSeen[channel] = true;
                return true;
            }
            case MBUS_READING: {
                if (!readNumber(groups - 1, Quantity.Unit.NONE)) {
                    return false;
                }
                mSeen[channel] = true;
                mValue[channel] = number;
                mUnit[channel] = unit.normalised;
                mTime[channel] = groups > 1 ? time(0) : null;
                mTimePlaceholder[channel] = groups > 1 && mTime[channel] == null;
                return true;
            }
            case MBUS_LEGACY_READING: {
                // (timestamp)(00)(60)(1)(0-n:24.2.1)(m3) then (value)
                if (groups < 2 || !readNumber(groups - 1, Quantity.Unit.NONE)) {
                    return false;
                }
                Quantity.Unit u = unit.normalised;
                if (u == Quantity.Unit.NONE && groups >= 7) {
                    u = RawUnit.of(b, groupStart[5], groupEnd[5]).normalised;
                }
                mSeen[channel] = true;
                mValue[channel] = number;
                mUnit[channel] = u;
                mTime[channel] = time(0);
                mTimePlaceholder[channel] = mTime[channel] == null;
                return true;
            }
            case MBUS_VALVE:
                if (!readNumber(0, Quantity.Unit.NONE)) {
                    return false;
                }
                mValve[channel] = (int) number;
                return true;
            default:
                return false;
        }
    }

    /** ACE4000 7-0:23.1.0(value*m3)(YY-MM-DD hh:mm:ss): keeps the latest of the hourly values. */
    private boolean readGasProfile() {
        if (groups < 2 || !readNumber(0, Quantity.Unit.NONE)) {
            return false;
        }
        OffsetDateTime t = DsmrTime.parseDashed(b, groupStart[1], groupEnd[1]);
        OffsetDateTime latest = gasProfileTime;
        if (t != null && (latest == null || t.isAfter(latest))) {
            gasProfileTime = t;
            gasProfileValue = number;
            gasProfileUnit = unit.normalised;
        }
        return true;
    }

    private boolean readFailureLog() {
        // (count)(0-0:96.7.19)(end)(duration*s)...
        if (groups < 2) {
            return false;
        }
        int from = groupStart[0];
        int to = groupEnd[groups - 1];
        if (Arrays.equals(b, from, to, failureLogBytes, 0, failureLogBytes.length)) {
            failures = failureLogValue;
            return true;
        }
        int pairs = (groups - 2) / 2;
        if (readNumber(0, Quantity.Unit.NONE) && number >= 0 && number < pairs) {
            pairs = (int) number;
        }
        PowerFailure[] log = new PowerFailure[pairs];
        int n = 0;
        for (int i = 0; i < pairs; i++) {
            int g = 2 + 2 * i;
            if (!readNumber(g + 1, Quantity.Unit.NONE)) {
                continue;
            }
            log[n++] = new PowerFailure(time(g), (long) number);
        }
        List<PowerFailure> list = List.of(n == pairs ? log : Arrays.copyOf(log, n));
        failureLogBytes = Arrays.copyOfRange(b, from, to);
        failureLogValue = list;
        failures = list;
        return true;
    }

    private boolean readPeakHistory() {
        // e-MUCS: (count)(1-0:1.6.0)(1-0:1.6.0){(month)(time)(value*kW)}; anything else (E.ON's billing
        // values, a bare count) is kept as an unknown object
        if (groups < 3 || !readNumber(0, Quantity.Unit.NONE) || !looksLikeObis(1)) {
            return false;
        }
        int from = groupStart[0];
        int to = groupEnd[groups - 1];
        if (Arrays.equals(b, from, to, peakBytes, 0, peakBytes.length)) {
            peaks = peakValue;
            return true;
        }
        int entries = Math.max(0, Math.min((int) number, (groups - 3) / 3));
        PeakDemand[] list = new PeakDemand[entries];
        int n = 0;
        for (int i = 0; i < entries; i++) {
            int g = 3 + 3 * i;
            if (readNumber(g + 2, Quantity.Unit.KW)) {
                list[n++] = new PeakDemand(time(g), time(g + 1), number);
            }
        }
        List<PeakDemand> result = List.of(n == entries ? list : Arrays.copyOf(list, n));
        peakBytes = Arrays.copyOfRange(b, from, to);
        peakValue = result;
        peaks = result;
        return true;
    }

    private boolean looksLikeObis(int g) {
        for (int i = groupStart[g]; i < groupEnd[g]; i++) {
            if (b[i] == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a number with optional unit from group {@code g} into {@link #number} and {@link #unit}, scaled to
     * {@code target} (W -> kW etc.). Scaling shifts the decimal point rather than multiplying, so that
     * 747.85 W becomes exactly the double nearest 0.74785.
     */
    private boolean readNumber(int g, Quantity.Unit target) {
        if (g < 0 || g >= groups) {
            return false;
        }
        byte[] b = this.b;
        int p = groupStart[g];
        int e = groupEnd[g];
        while (p < e && b[p] == ' ') {
            p++;
        }
        boolean negative = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        boolean overflow = false;
        int numStart = p;
        while (p < e) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                if (mantissa >= 100_000_000_000_000_000L) {
                    overflow = true;
                } else {
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (dot) {
                    scale++;
                }
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            p++;
        }
        if (digits == 0) {
            return false;
        }
        int numEnd = p;
        if (p < e && b[p] == '*') {
            p++;
        }
        int us = p;
        int ue = e;
        while (ue > us && b[ue - 1] == ' ') {
            ue--;
        }
        RawUnit u = RawUnit.of(b, us, ue);
        if (u == RawUnit.UNKNOWN) {
            return false;
        }
        unit = u;
        if (u.milli && target != Quantity.Unit.NONE && target == u.normalised) {
            scale += 3;
        }
        double v;
        if (!overflow && mantissa < (1L << 53) && scale < POW10.length) {
            v = mantissa / POW10[scale];
        } else {
            v = Double.parseDouble(new String(b, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1));
            if (u.milli && target != Quantity.Unit.NONE && target == u.normalised) {
                v /= 1000.0;
            }
        }
        number = negative ? -v : v;
        return true;
    }

    private @Nullable OffsetDateTime time(int g) {
        if (g >= groups) {
            return null;
        }
        int s = groupStart[g];
        int e = groupEnd[g];
        long key = timeKey(s, e);
        if (key == 0) {
            return DsmrTime.parse(b, s, e);
        }
        for (int i = 0; i < TIME_CACHE; i++) {
            if (timeKey[i] == key) {
                return timeValue[i];
            }
        }
        OffsetDateTime t = DsmrTime.parse(b, s, e);
        timeKey[timeNext] = key;
        timeValue[timeNext] = t;
        timeNext = (timeNext + 1) & (TIME_CACHE - 1);
        return t;
    }

    /** The 12 digits and the S/W flag packed into a non-zero long; 0 when it is not in that form. */
    private long timeKey(int s, int e) {
        int n = e - s;
        if (n != 12 && n != 13) {
            return 0;
        }
        long k = 0;
        for (int i = s; i < s + 12; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            k = k * 10 + d;
        }
        return (k << 8) | (n == 13 ? (b[s + 12] & 0xFF) : 1);
    }

    /** The text of {@code b[s..e)}, the same String as last time when the bytes of this field did not change. */
    private String cachedText(int slot, int s, int e) {
        byte[] last = textBytes[slot];
        String value = textValue[slot];
        if (last != null && value != null && Arrays.equals(b, s, e, last, 0, last.length)) {
            return value;
        }
        for (int i = s; i < e; i++) {
            if (b[i] == '\r' || b[i] == '\n') {
                return textWithoutLineBreaks(s, e);
            }
        }
        String v = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        textBytes[slot] = Arrays.copyOfRange(b, s, e);
        textValue[slot] = v;
        return v;
    }

    /** The text of group g (line breaks inside removed). */
    private String text(int g) {
        int s = groupStart[g];
        int e = groupEnd[g];
        for (int i = s; i < e; i++) {
            if (b[i] == '\r' || b[i] == '\n') {
                return textWithoutLineBreaks(s, e);
            }
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private String textWithoutLineBreaks(int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            if (b[i] != '\r' && b[i] != '\n') {
                sb.append((char) (b[i] & 0xFF));
            }
        }
        return sb.toString();
    }

    /** A text message: hex payloads (DSMR 4+) decoded to text, plain text (DSMR 2.2) as is; null when empty. */
    private @Nullable String message() {
        String t = text(0);
        if (t.isEmpty()) {
            return null;
        }
        int n = t.length();
        boolean hex = n % 2 == 0;
        for (int i = 0; i < n && hex; i++) {
            hex = Character.digit(t.charAt(i), 16) >= 0;
        }
        if (!hex) {
            return t;
        }
        byte[] bytes = new byte[n / 2];
        int len = 0;
        for (int i = 0; i < n; i += 2) {
            int v = (Character.digit(t.charAt(i), 16) << 4) | Character.digit(t.charAt(i + 1), 16);
            bytes[len++] = (byte) v;
        }
        // trailing NULs and padding are not part of the message
        while (len > 0 && (bytes[len - 1] == 0 || bytes[len - 1] == ' ')) {
            len--;
        }
        return len == 0 ? null : new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    private void keepUnknown(int start, int idEnd, int end, boolean withGroups) {
        List<UnknownObject> list = unknown;
        if (list == null) {
            list = new ArrayList<>(4);
            unknown = list;
        }
        String obis = new String(b, start, idEnd - start, StandardCharsets.ISO_8859_1).strip();
        List<String> values;
        if (withGroups && groups > 0) {
            String[] v = new String[groups];
            for (int i = 0; i < groups; i++) {
                v[i] = text(i);
            }
            values = List.of(v);
        } else {
            // the whole line as it was, so that nothing is lost
            String rest = textWithoutLineBreaks(idEnd, end);
            values = rest.isEmpty() ? List.of() : List.of(rest);
        }
        if (obis.isEmpty() && values.isEmpty()) {
            return;
        }
        list.add(new UnknownObject(obis, values));
    }

    private static boolean isSpace(byte c) {
        return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == 0;
    }

    private int endOfLine(int p, int e) {
        while (p < e && b[p] != '\n' && b[p] != '\r') {
            p++;
        }
        return p;
    }

    private int skipLineEnd(int p, int e) {
        while (p < e && b[p] == '\r') {
            p++;
        }
        if (p < e && b[p] == '\n') {
            p++;
        }
        return p;
    }

    /** Whether {@code b[q..]} starts with "digits-digit", the beginning of an OBIS id. */
    private boolean startsObject(int q, int e) {
        int p = q;
        while (p < e && p - q < 4 && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p > q && p + 1 < e && b[p] == '-' && b[p + 1] >= '0' && b[p + 1] <= '9';
    }

    /** Units as meters write them, and how they map to the normalised ones. */
    enum RawUnit {
        NONE(Quantity.Unit.NONE, false),
        KWH(Quantity.Unit.KWH, false),
        WH(Quantity.Unit.KWH, true),
        KW(Quantity.Unit.KW, false),
        W(Quantity.Unit.KW, true),
        KVARH(Quantity.Unit.KVARH, false),
        VARH(Quantity.Unit.KVARH, true),
        KVAR(Quantity.Unit.KVAR, false),
        VAR(Quantity.Unit.KVAR, true),
        KVA(Quantity.Unit.KVA, false),
        VA(Quantity.Unit.KVA, true),
        V(Quantity.Unit.V, false),
        A(Quantity.Unit.A, false),
        HZ(Quantity.Unit.HZ, false),
        M3(Quantity.Unit.M3, false),
        GJ(Quantity.Unit.GJ, false),
        S(Quantity.Unit.NONE, false),
        UNKNOWN(Quantity.Unit.NONE, false);

        final Quantity.Unit normalised;
        /** Whether the value must be divided by 1000 to be in {@link #normalised}. */
        final boolean milli;

        RawUnit(Quantity.Unit normalised, boolean milli) {
            this.normalised = normalised;
            this.milli = milli;
        }

        static RawUnit of(byte[] b, int s, int e) {
            int n = e - s;
            if (n == 0) {
                return NONE;
            }
            int c0 = lower(b[s]);
            switch (n) {
                case 1:
                    return c0 == 'w' ? W : c0 == 'v' ? V : c0 == 'a' ? A : c0 == 's' ? S : UNKNOWN;
                case 2:
                    if (is(b, s, "wh")) {
                        return WH;
                    } else if (is(b, s, "kw")) {
                        return KW;
                    } else if (is(b, s, "va")) {
                        return VA;
                    } else if (is(b, s, "hz")) {
                        return HZ;
                    } else if (is(b, s, "m3")) {
                        return M3;
                    } else if (is(b, s, "gj")) {
                        return GJ;
                    }
                    return UNKNOWN;
                case 3:
                    if (is(b, s, "kwh")) {
                        return KWH;
                    } else if (is(b, s, "var")) {
                        return VAR;
                    } else if (is(b, s, "kva")) {
                        return KVA;
                    }
                    return UNKNOWN;
                case 4:
                    if (is(b, s, "varh")) {
                        return VARH;
                    } else if (is(b, s, "kvar")) {
                        return KVAR;
                    }
                    return UNKNOWN;
                case 5:
                    return is(b, s, "kvarh") ? KVARH : UNKNOWN;
                default:
                    return UNKNOWN;
            }
        }

        private static int lower(byte c) {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }

        private static boolean is(byte[] b, int s, String lower) {
            for (int i = 0; i < lower.length(); i++) {
                if (lower(b[s + i]) != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
