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
package org.openhab.binding.p1meter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.dsmr.TelegramDecoder;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p1meter parse FILE...}: reads captured telegrams (concatenated, with anything in between) and prints one
 * JSON reading per valid telegram on stdout and one line per rejected telegram on stderr.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault({})
@Command(name = "parse", sortOptions = false, mixinStandardHelpOptions = true, headerHeading = "%n", header = "Decode captured P1 telegrams to JSON readings.", synopsisHeading = "%nUsage: ", descriptionHeading = "%n", description = {
        "Reads each FILE ('-' for standard input): telegrams may be concatenated, with garbage in between, "
                + "with CRLF or LF line endings, plaintext or encrypted (--enc-key).",
        "Prints one JSON reading per valid telegram on standard output and one line per rejected telegram "
                + "on standard error, naming the file and the reason." }, parameterListHeading = "%nFiles:%n", optionListHeading = "%nOptions:%n", exitCodeListHeading = "%nExit status:%n", exitCodeList = {
                        "0:every telegram was valid", "1:at least one telegram was rejected",
                        "2:bad options or an unreadable file" })
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--enc-key", paramLabel = "HEX", description = "Decryption key (32 hex digits) for encrypted (Smarty / Austrian) captures.")
    @Nullable
    String encKey;

    @Option(names = "--enc-aad", paramLabel = "HEX", description = "Additional authenticated data. Default: "
            + DecoderConfig.SMARTY_DEFAULT_AAD + ".")
    @Nullable
    String encAad;

    @Mixin
    MBusOptions mbus = new MBusOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files; '-' reads standard input.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DecoderConfig config = Main.decoderConfig(encKey, encAad).withMBus(mbus.selection());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int rejected = 0;
        for (String file : files) {
            Counter counter = new Counter(file, out, err);
            TelegramDecoder decoder = new TelegramDecoder(config, counter);
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    decoder.feed(buffer, 0, n);
                }
            } catch (NoSuchFileException e) {
                throw new UsageError("cannot read " + file + ": no such file");
            } catch (IOException e) {
                throw new UsageError("cannot read " + file + ": " + e.getMessage());
            }
            decoder.endOfInput();
            out.flush();
            err.flush();
            rejected += counter.rejected;
        }
        return rejected > 0 ? 1 : 0;
    }

    /** Prints what the decoder finds in one file. */
    private static final class Counter implements TelegramDecoder.Sink {
        private final String file;
        private final PrintWriter out;
        private final PrintWriter err;
        int rejected;

        Counter(String file, PrintWriter out, PrintWriter err) {
            this.file = file.equals("-") ? "<stdin>" : file;
            this.out = out;
            this.err = err;
        }

        @Override
        public void telegram(P1Telegram telegram) {
            out.println(TelegramJson.toJson(telegram));
        }

        @Override
        public void rejected(Rejection rejection) {
            rejected++;
            err.println(file + ": rejected: " + rejection.message());
        }
    }
}
