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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for a byte stream from a meter: framing, optional decryption, CRC check, parsing.
 *
 * <p>
 * Bytes arrive in arbitrary chunks ({@link #feed}); every complete telegram whose CRC matches (or that has
 * none: DSMR 2.2/3.0, EasyMeter, ACE4000) goes to {@link Sink#telegram}, everything else that looked like a
 * telegram to {@link Sink#rejected} with the reason. Nothing a meter or a line sends makes this throw.
 *
 * <p>
 * Framing rules:
 * <ul>
 * <li>A telegram runs from '/' to '!', up to 4 hex CRC digits (either case, zero padding optional:
 * {@code !B9F}) and the line end (CRLF or bare LF). Bytes outside telegrams are skipped.</li>
 * <li>A telegram only ends at its '!'. A stream that ends before it (the two DSMR 2.2 corpus captures without a
 * '!' line) is rejected as TRUNCATED by {@link #endOfInput()}: without the end mark there is no telling whether
 * the meter stopped mid-telegram.</li>
 * <li>Resynchronisation: inside a telegram, the start of an identification line starts a new telegram and the
 * interrupted one is rejected as TRUNCATED, so a good telegram right after a cut one is not lost. That is a '/'
 * and three letters at the start of a line ({@code /NWA-WARMTELINK}), or a '/', three letters and a digit (the
 * baud rate character every DSMR meter sends, {@code /ISk5}, {@code /KFM5}) anywhere, since a telegram may be
 * cut in the middle of a line. A '/' inside a value ({@code (test-/-test)}, {@code (see /abc)}) does not.</li>
 * <li>Bounded: a telegram longer than {@link DecoderConfig#maxTelegramSize()} is dropped (OVERSIZE) and the
 * decoder waits for the next '/'.</li>
 * <li>With a key: DLMS general-glo-ciphering frames (0xDB ...) are decrypted (AES-128-GCM) and their
 * plaintext framed and checked like any telegram; plaintext telegrams are still accepted. A frame whose tag
 * does not verify is rejected (DECRYPTION_FAILED) and the search for the next frame resumes inside it.</li>
 * </ul>
 * Not thread-safe: one thread at a time (any thread) may call {@link #feed} and {@link #endOfInput}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TelegramDecoder {

    /** Where decoded telegrams and rejections go. Called on the thread that calls {@link #feed}. */
    public interface Sink {
        void telegram(P1Telegram t);

        void rejected(Rejection r);
    }

    private static final byte GLO_CIPHERING = (byte) 0xDB;
    private static final byte[] NOTHING = new byte[0];

    private final Logger logger = LoggerFactory.getLogger(TelegramDecoder.class);
    private final DecoderConfig config;
    private final Sink sink;
    private final TelegramParser parser;
    private final PlainFramer stream;
    private final @Nullable GcmFrameReader frames;
    private final @Nullable PlainFramer decrypted;

    // bytes to read again before the next input byte (after a frame that was not one after all)
    private byte[] replay = NOTHING;
    private int replayPos;
    /**
     * Whether the replayed bytes are the inside of a frame that failed: there only a frame start counts, since
     * ciphertext is random bytes that would otherwise look like the start of plaintext telegrams now and then.
     */
    private boolean replayFramesOnly;
    private boolean frameStartedInReplay;

    public TelegramDecoder(DecoderConfig config, Sink sink) {
        this.config = config;
        this.sink = sink;
        this.parser = new TelegramParser(config.mbus());
        this.stream = new PlainFramer(config.maxTelegramSize());
        byte[] key = config.key();
        if (key != null) {
            this.frames = new GcmFrameReader(key, config.aad(), config.maxTelegramSize());
            this.decrypted = new PlainFramer(config.maxTelegramSize());
        } else {
            this.frames = null;
            this.decrypted = null;
        }
    }

    public DecoderConfig config() {
        return config;
    }

    /** Decodes {@code len} bytes of {@code buf} from {@code off}; telegrams and rejections go to the sink. */
    public void feed(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + buf.length);
        }
        if (frames == null) {
            // plaintext only: the common case, kept free of the frame logic
            stream.accept(buf, off, off + len);
            return;
        }
        for (int i = off, end = off + len; i < end; i++) {
            step(buf[i], false);
            if (replayPos < replay.length) {
                while (replayPos < replay.length) {
                    step(replay[replayPos++], replayFramesOnly);
                }
                replay = NOTHING;
                replayPos = 0;
            }
        }
    }

    /** The input ended (file end, connection closed): a pending partial telegram is rejected as TRUNCATED. */
    public void endOfInput() {
        GcmFrameReader f = frames;
        if (f != null && f.active()) {
            int n = f.reset();
            report(new Rejection(Rejection.Reason.TRUNCATED, "truncated: encrypted frame ended after " + n + " bytes",
                    n));
        }
        stream.finish();
        replay = NOTHING;
        replayPos = 0;
    }

    private void step(byte c, boolean framesOnly) {
        GcmFrameReader f = frames;
        if (f == null) {
            stream.accept(c);
            return;
        }
        if (f.active()) {
            int r = f.accept(c);
            if (r != GcmFrameReader.MORE) {
                frameDone(f, r);
            }
            return;
        }
        if (c == GLO_CIPHERING) {
            // DSMR plaintext is ASCII: an 0xDB in a telegram means a frame started and the telegram was cut
            stream.abort();
            f.start();
            frameStartedInReplay = framesOnly;
            return;
        }
        if (!framesOnly) {
            stream.accept(c);
        }
    }

    private void frameDone(GcmFrameReader f, int result) {
        switch (result) {
            case GcmFrameReader.DONE: {
                PlainFramer d = decrypted;
                byte[] p = f.plaintext();
                int n = f.plaintextLength();
                f.reset();
                if (d != null) {
                    // the plaintext is one whole telegram, possibly without the final line end
                    d.accept(p, 0, n);
                    d.finish();
                }
                break;
            }
            case GcmFrameReader.NOT_A_FRAME:
                // a stray 0xDB: read the bytes after it again as ordinary input
                replayFrom(f.buffer(), 1, f.length(), frameStartedInReplay);
                f.reset();
                break;
            case GcmFrameReader.FAILED: {
                int n = f.length();
                report(new Rejection(Rejection.Reason.DECRYPTION_FAILED,
                        "decryption failed: " + f.failure() + " (" + n + " byte frame)", n));
                // a damaged or cut frame may hide the start of the next one: look for it inside
                byte[] b = f.buffer();
                int next = -1;
                for (int i = 1; i < n; i++) {
                    if (b[i] == GLO_CIPHERING) {
                        next = i;
                        break;
                    }
                }
                if (next > 0) {
                    replayFrom(b, next, n, true);
                }
                f.reset();
                break;
            }
            case GcmFrameReader.OVERSIZE: {
                int n = f.length();
                report(new Rejection(Rejection.Reason.OVERSIZE, "oversize: encrypted frame announces "
                        + f.announcedLength() + " bytes, more than " + config.maxTelegramSize(), n));
                f.reset();
                break;
            }
            default:
                break;
        }
    }

    private void replayFrom(byte[] b, int from, int to, boolean framesOnly) {
        int pending = replay.length - replayPos;
        byte[] r = new byte[to - from + pending];
        System.arraycopy(b, from, r, 0, to - from);
        System.arraycopy(replay, replayPos, r, to - from, pending);
        replay = r;
        replayPos = 0;
        replayFramesOnly = framesOnly;
    }

    private void emit(byte[] raw, boolean crcChecked) {
        P1Telegram t;
        try {
            t = parser.read(raw, crcChecked);
        } catch (RuntimeException e) {
            // the parser is written not to throw; should it ever, the stream goes on
            report(new Rejection(Rejection.Reason.MALFORMED, "malformed: " + e.getMessage(), raw.length));
            return;
        }
        if (!crcChecked && t.carriesNothing()) {
            // nothing vouches for a frame without CRC but its content: with none, it is line noise, not a meter
            report(new Rejection(Rejection.Reason.MALFORMED,
                    "malformed: frame without CRC and without any known object (line noise?)", raw.length));
            return;
        }
        try {
            sink.telegram(t);
        } catch (RuntimeException e) {
            logger.warn("P1 telegram listener failed: {}", e.toString(), e);
        }
    }

    private void report(Rejection r) {
        try {
            sink.rejected(r);
        } catch (RuntimeException e) {
            logger.warn("P1 rejection listener failed: {}", e.toString(), e);
        }
    }

    /** The largest buffer the decoder holds now (for tests of the memory bound). */
    int bufferCapacity() {
        int n = Math.max(stream.buf.length, replay.length);
        GcmFrameReader f = frames;
        if (f != null) {
            n = Math.max(n, f.buffer().length);
        }
        PlainFramer d = decrypted;
        if (d != null) {
            n = Math.max(n, d.buf.length);
        }
        return n;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BANGS = ONES * '!';
    private static final long SLASHES = ONES * '/';

    /**
     * The index of the first '!' or '/' in {@code in[from..to)}, or {@code to}. Looks at eight bytes at a time
     * (a word has a byte equal to c when {@code (x ^ c..c) - 0x01..01 & ~(x ^ c..c) & 0x80..80} is not 0): the
     * body of every telegram passes through here.
     */
    static int indexOfBangOrSlash(byte[] in, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(in, i);
            long a = x ^ BANGS;
            long b = x ^ SLASHES;
            long found = ((a - ONES) & ~a) | ((b - ONES) & ~b);
            if ((found & HIGHS) != 0) {
                break; // one of these eight bytes (or, rarely, a byte after it) is one: find it below
            }
        }
        for (; i < to; i++) {
            byte c = in[i];
            if (c == '!' || c == '/') {
                return i;
            }
        }
        return to;
    }

    /** Frames plaintext telegrams '/' .. '!' CRC line end. */
    private final class PlainFramer {
        private static final int IDLE = 0;
        private static final int BODY = 1;
        private static final int CRC = 2;

        private final int max;
        private byte[] buf = new byte[1024];
        private int len;
        private int state = IDLE;
        /** Where a '/' inside the body was seen, -1 if none pending. */
        private int slash = -1;
        private int bang; // index of '!'
        private int crcDigits;
        private int crcValue;
        private boolean sawCr;

        PlainFramer(int max) {
            this.max = max;
        }

        /** Takes {@code in[off..end)}; the body of a telegram is copied in bulk up to the next '!' or '/'. */
        void accept(byte[] in, int off, int end) {
            int i = off;
            while (i < end) {
                if (state == BODY && slash < 0) {
                    int limit = Math.min(end, i + (buf.length - len));
                    int j = indexOfBangOrSlash(in, i, limit);
                    if (j > i) {
                        System.arraycopy(in, i, buf, len, j - i);
                        len += j - i;
                        i = j;
                    }
                    if (i < end) {
                        // '!', '/' or a full buffer: the byte-wise path decides
                        accept(in[i++]);
                    }
                } else {
                    accept(in[i++]);
                }
            }
        }

        void accept(byte c) {
            switch (state) {
                case IDLE:
                    if (c == '/') {
                        begin(c);
                    }
                    return;
                case BODY:
                    body(c);
                    return;
                default:
                    crc(c);
            }
        }

        private void begin(byte c) {
            len = 0;
            slash = -1;
            state = BODY;
            buf[len++] = c;
        }

        private void body(byte c) {
            if (len == buf.length) {
                if (len >= max) {
                    int n = len;
                    state = IDLE;
                    len = 0;
                    report(new Rejection(Rejection.Reason.OVERSIZE,
                            "oversize: no telegram end within " + max + " bytes", n));
                    if (c == '/') {
                        begin(c);
                    }
                    return;
                }
                buf = Arrays.copyOf(buf, Math.min(max, buf.length * 2));
            }
            buf[len++] = c;
            if (c == '!') {
                bang = len - 1;
                crcDigits = 0;
                crcValue = 0;
                sawCr = false;
                state = CRC;
                slash = -1;
                return;
            }
            if (c == '/') {
                slash = len - 1;
            } else if (slash >= 0) {
                // an identification line: '/', three letters (manufacturer), then at the start of a line
                // anything, in the middle of one the baud rate digit ("/ISK5"), which text rarely has
                int k = len - 1 - slash;
                if (k <= 3) {
                    if (!isLetter(c)) {
                        slash = -1;
                    } else if (k == 3 && (slash == 0 || buf[slash - 1] == '\n' || buf[slash - 1] == '\r')) {
                        restartAt(slash);
                    }
                } else if (c >= '0' && c <= '9') {
                    restartAt(slash);
                } else {
                    slash = -1;
                }
            }
        }

        /** A new telegram started at {@code at}: the one before it was cut short. */
        private void restartAt(int at) {
            report(new Rejection(Rejection.Reason.TRUNCATED, "truncated: a new telegram started after " + at + " bytes",
                    at));
            System.arraycopy(buf, at, buf, 0, len - at);
            len -= at;
            slash = -1;
        }

        private void crc(byte c) {
            int d = Character.digit(c, 16);
            if (d >= 0 && !sawCr && crcDigits < 4) {
                crcValue = (crcValue << 4) | d;
                crcDigits++;
                append(c);
                return;
            }
            if (c == '\r' && !sawCr) {
                sawCr = true;
                append(c);
                return;
            }
            if (c == '\n') {
                append(c);
                complete();
                return;
            }
            // anything else ends the telegram without it (the line end is missing, e.g. the next telegram's
            // '/' follows). A bare '!' then is no proof of a telegram without CRC: it may be a cut CRC line.
            if (crcDigits == 0 && !sawCr) {
                int n = len;
                state = IDLE;
                len = 0;
                report(new Rejection(Rejection.Reason.TRUNCATED,
                        "truncated: telegram ended after '!' without CRC or line end", n));
            } else {
                complete();
            }
            accept(c);
        }

        private void append(byte c) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length + 8);
            }
            buf[len++] = c;
        }

        private void complete() {
            state = IDLE;
            int n = len;
            len = 0;
            if (crcDigits == 0) {
                emit(Arrays.copyOf(buf, n), false);
                return;
            }
            int computed = Crc16.compute(buf, 0, bang + 1);
            if (computed != crcValue) {
                String stated = new String(buf, bang + 1, crcDigits, StandardCharsets.US_ASCII);
                report(new Rejection(Rejection.Reason.CRC_MISMATCH,
                        String.format("CRC mismatch: telegram says %s, computed %04X", stated, computed), n));
                return;
            }
            emit(Arrays.copyOf(buf, n), true);
        }

        /** The input ended. */
        void finish() {
            if (state == CRC) {
                complete();
            } else if (state == BODY) {
                abort();
            }
            state = IDLE;
            len = 0;
        }

        /** A partial telegram is dropped as TRUNCATED. */
        void abort() {
            if (state == BODY) {
                int n = len;
                report(new Rejection(Rejection.Reason.TRUNCATED,
                        "truncated: telegram ended after " + n + " bytes without '!'", n));
            } else if (state == CRC) {
                complete();
            }
            state = IDLE;
            len = 0;
        }

        private boolean isLetter(byte c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
    }
}
