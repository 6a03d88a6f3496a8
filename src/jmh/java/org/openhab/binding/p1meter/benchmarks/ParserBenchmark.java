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
package org.openhab.binding.p1meter.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.dsmr.TelegramDecoder;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Framing + CRC + parsing, and the same plus the JSON reading, for a DSMR 5 three-phase telegram with gas
 * (Iskra AM550) and an e-MUCS one (Fluvius, with capacity tariff, gas and water). One telegram per operation,
 * fed as a meter would: the raw bytes into a long-lived {@link TelegramDecoder}.
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * benchmarks/run org.openjdk.jmh.Main ParserBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc
 * </pre>
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {

    @Param({ "dsmr50_isk_am550_openhab", "fluvius_emucs_flu5_v171" })
    public String telegram = "";

    private byte[] bytes = new byte[0];
    private final LastTelegram sink = new LastTelegram();
    private TelegramDecoder decoder = new TelegramDecoder(DecoderConfig.plaintext(), sink);

    @Setup
    public void setUp() {
        try (InputStream in = ParserBenchmark.class.getResourceAsStream("/telegrams/" + telegram + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no telegram " + telegram);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decoder = new TelegramDecoder(DecoderConfig.plaintext(), sink);
        // make sure the benchmark measures what it says: one valid telegram per feed
        decoder.feed(bytes, 0, bytes.length);
        if (sink.last == null || sink.rejections > 0) {
            throw new IllegalStateException(telegram + " does not decode");
        }
    }

    @Benchmark
    public @Nullable P1Telegram frameAndParse() {
        decoder.feed(bytes, 0, bytes.length);
        return sink.last;
    }

    @Benchmark
    public String frameParseAndJson() {
        decoder.feed(bytes, 0, bytes.length);
        P1Telegram t = sink.last;
        return t == null ? "" : TelegramJson.toJson(t);
    }

    /** Keeps the last telegram, so that the benchmark returns it (and JMH consumes it). */
    private static final class LastTelegram implements TelegramDecoder.Sink {
        @Nullable
        P1Telegram last;
        int rejections;

        @Override
        public void telegram(P1Telegram t) {
            last = t;
        }

        @Override
        public void rejected(Rejection r) {
            rejections++;
        }
    }
}
