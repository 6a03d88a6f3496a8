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
package org.openhab.binding.p1meter.internal.serial;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TooManyListenersException;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.AutoBaudSource;
import org.openhab.core.io.transport.serial.PortInUseException;
import org.openhab.core.io.transport.serial.SerialPort;
import org.openhab.core.io.transport.serial.SerialPortEvent;
import org.openhab.core.io.transport.serial.SerialPortEventListener;
import org.openhab.core.io.transport.serial.SerialPortIdentifier;
import org.openhab.core.io.transport.serial.SerialPortManager;
import org.openhab.core.io.transport.serial.UnsupportedCommOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A P1 serial port opened through openHAB's {@link SerialPortManager}. Bytes are read on the port's event
 * thread when it signals data (as openHAB's serial transports expect) and handed to the reader through a
 * {@link ChunkInputStream}, so that closing the port always unblocks the reader.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class OpenHabSerialSource implements AutoBaudSource, SerialPortEventListener {

    private static final String OWNER = "openHAB P1 meter binding";
    private static final int OPEN_TIMEOUT_MS = 2000;
    private static final int READ_CHUNK = 1024;

    private final Logger logger = LoggerFactory.getLogger(OpenHabSerialSource.class);
    private final SerialPortManager manager;
    private final String portName;
    private final List<SerialLineSettings> settings;
    private int settingsIndex;

    private @Nullable SerialPort port;
    private @Nullable InputStream portIn;
    private @Nullable ChunkInputStream stream;

    public OpenHabSerialSource(SerialPortManager manager, String portName, List<SerialLineSettings> settings) {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("no line settings to try");
        }
        this.manager = manager;
        this.portName = portName;
        this.settings = List.copyOf(settings);
    }

    @Override
    public synchronized InputStream open() throws IOException {
        close();
        SerialPortIdentifier id = manager.getIdentifier(portName);
        if (id == null) {
            String known = manager.getIdentifiers().map(SerialPortIdentifier::getName)
                    .collect(Collectors.joining(", "));
            throw new IOException("serial port " + portName + " not found: check the port name and that the P1 cable "
                    + "is plugged in" + (known.isEmpty() ? "" : " (ports found: " + known + ")"));
        }
        SerialPort p;
        try {
            p = id.open(OWNER, OPEN_TIMEOUT_MS);
        } catch (PortInUseException e) {
            String owner = id.getCurrentOwner();
            throw new IOException("serial port " + portName + " is in use" + (owner == null ? "" : " by " + owner)
                    + ": stop the other program or Thing using it; after a crash, remove the stale lock file (e.g. "
                    + "/var/lock/LCK.." + shortName() + ")", e);
        } catch (RuntimeException e) {
            throw new IOException("cannot open serial port " + portName + ": " + e.getMessage()
                    + " (on Linux the openHAB user must be in the dialout group)", e);
        }
        SerialLineSettings s = settings.get(settingsIndex);
        try {
            p.setSerialPortParams(s.baud(), s.dataBits(), SerialPort.STOPBITS_1, s.parity());
            InputStream in = p.getInputStream();
            if (in == null) {
                throw new IOException("serial port " + portName + " has no input stream");
            }
            // a device file that is there now and disappears later is a pulled cable
            boolean hasDeviceFile = deviceFileExists();
            ChunkInputStream chunks = new ChunkInputStream(portName, () -> !hasDeviceFile || deviceFileExists());
            this.port = p;
            this.portIn = in;
            this.stream = chunks;
            p.addEventListener(this);
            p.notifyOnDataAvailable(true);
            logger.debug("Opened serial port {} at {}", portName, s.label());
            return chunks;
        } catch (UnsupportedCommOperationException e) {
            close(p);
            throw new IOException("serial port " + portName + " does not support " + s.label(), e);
        } catch (TooManyListenersException e) {
            close(p);
            throw new IOException("serial port " + portName + " is already being listened to", e);
        } catch (IOException | RuntimeException e) {
            close(p);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /**
     * Whether the port has a device file now: a pulled USB adapter's /dev/ttyUSB0 and its /dev/serial/by-id link
     * disappear. Names that are no paths (COM3 on Windows) have none.
     */
    private boolean deviceFileExists() {
        return portName.startsWith("/") && Files.exists(Path.of(portName));
    }

    private String shortName() {
        int slash = portName.lastIndexOf('/');
        return slash < 0 ? portName : portName.substring(slash + 1);
    }

    @Override
    public void serialEvent(SerialPortEvent event) {
        if (event.getEventType() != SerialPortEvent.DATA_AVAILABLE) {
            return;
        }
        InputStream in;
        ChunkInputStream out;
        synchronized (this) {
            in = portIn;
            out = stream;
        }
        if (in == null || out == null) {
            return;
        }
        try {
            byte[] buf = new byte[READ_CHUNK];
            int available;
            while ((available = in.available()) > 0) {
                int n = in.read(buf, 0, Math.min(buf.length, available));
                if (n < 0) {
                    out.fail(new IOException("serial port " + portName + " closed"));
                    return;
                }
                out.push(buf, n);
            }
        } catch (IOException e) {
            // typically a USB adapter that was unplugged: the reader reopens the port with backoff
            out.fail(new IOException("serial port " + portName + " failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        SerialPort p;
        ChunkInputStream s;
        synchronized (this) {
            p = port;
            s = stream;
            port = null;
            portIn = null;
            stream = null;
        }
        if (s != null) {
            s.close();
        }
        if (p != null) {
            close(p);
        }
    }

    private void close(SerialPort p) {
        try {
            p.removeEventListener();
        } catch (RuntimeException e) {
            logger.debug("Removing the listener of {} failed: {}", portName, e.getMessage());
        }
        try {
            p.close();
        } catch (RuntimeException e) {
            logger.debug("Closing {} failed: {}", portName, e.getMessage());
        }
    }

    @Override
    public synchronized String nextLineSettings() {
        settingsIndex = (settingsIndex + 1) % settings.size();
        return settings.get(settingsIndex).label();
    }

    @Override
    public String describe() {
        return "serial " + portName;
    }
}
