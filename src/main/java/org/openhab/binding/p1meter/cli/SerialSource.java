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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.AutoBaudSource;
import org.openhab.binding.p1meter.internal.reader.SourceAbsentException;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A P1 cable on a serial port, through jSerialComm. DSMR 4 and 5 meters send 115200 8N1, DSMR 2.2 and 3.0 meters
 * 9600 7E1; the reader switches between them ({@link AutoBaudSource}) until telegrams come through.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class SerialSource implements AutoBaudSource {

    /** Line settings a P1 port may use, most common first. */
    private enum LineSettings {
        DSMR4(115200, 8, SerialPort.NO_PARITY, "115200 8N1"),
        DSMR2(9600, 7, SerialPort.EVEN_PARITY, "9600 7E1");

        final int baud;
        final int dataBits;
        final int parity;
        final String label;

        LineSettings(int baud, int dataBits, int parity, String label) {
            this.baud = baud;
            this.dataBits = dataBits;
            this.parity = parity;
            this.label = label;
        }
    }

    /** A read returns after this long without data, so that close() is noticed. */
    private static final int READ_POLL_MS = 500;

    /** What the system's error numbers (errno, which jSerialComm reports) mean for someone opening a P1 cable. */
    private static final Map<Integer, String> OPEN_ERRORS = Map.of( //
            2, "it does not exist", //
            5, "input/output error (a faulty adapter or cable?)", //
            13,
            "permission denied: add the user to the group that owns it, usually dialout "
                    + "(sudo usermod -aG dialout $USER, then log in again)", //
            16, "it is busy: another program has it open", //
            19, "no such device (unplugged while opening?)");

    private final String device;
    private volatile LineSettings settings = LineSettings.DSMR4;
    private @Nullable SerialPort port;

    SerialSource(String device) {
        this.device = device;
    }

    @Override
    public InputStream open() throws IOException {
        if (device.startsWith("/") && !Files.exists(Path.of(device))) {
            // jSerialComm would say "Unable to create a serial port object from the invalid port descriptor"
            throw new SourceAbsentException(
                    "there is no " + device + " (not plugged in, or a different name: see ls /dev/serial/by-id/)");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            throw new IOException("no serial port " + device + ": " + e.getMessage(), e);
        }
        LineSettings s = settings;
        p.setComPortParameters(s.baud, s.dataBits, SerialPort.ONE_STOP_BIT, s.parity);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_POLL_MS, 0);
        if (!p.openPort()) {
            int error = p.getLastErrorCode();
            String meaning = OPEN_ERRORS.get(error);
            throw new IOException("cannot open serial port " + device + ": " + (meaning != null ? meaning
                    : "error " + error + " (does it exist, and may this user read it? group dialout)"));
        }
        synchronized (this) {
            port = p;
        }
        return new PortStream(p);
    }

    @Override
    public void close() {
        SerialPort p;
        synchronized (this) {
            p = port;
            port = null;
        }
        if (p != null) {
            p.closePort();
        }
    }

    @Override
    public String nextLineSettings() {
        LineSettings[] all = LineSettings.values();
        LineSettings next = all[(settings.ordinal() + 1) % all.length];
        settings = next;
        return next.label;
    }

    @Override
    public String describe() {
        return "serial " + device;
    }

    /** Reads with a short poll so a closed or unplugged port ends the stream instead of blocking forever. */
    private final class PortStream extends InputStream {
        private final SerialPort p;

        PortStream(SerialPort p) {
            this.p = p;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte @Nullable [] buffer, int off, int len) throws IOException {
            byte[] b = Objects.requireNonNull(buffer);
            while (true) {
                if (!p.isOpen()) {
                    throw new IOException("serial port " + device + " closed");
                }
                int n = p.readBytes(b, len, off);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    throw new IOException("serial port " + device + " lost (error " + p.getLastErrorCode() + ")");
                }
                if (p.bytesAvailable() < 0) {
                    throw new IOException("serial port " + device + " is gone");
                }
            }
        }
    }
}
