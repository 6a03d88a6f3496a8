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
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.io.transport.serial.SerialPort;
import org.openhab.core.io.transport.serial.SerialPortEvent;
import org.openhab.core.io.transport.serial.SerialPortEventListener;

/**
 * A serial port that delivers what the test gives it, signalling DATA_AVAILABLE to its listener the way
 * openHAB's serial transport does, and records how it was configured.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class FakeSerialPort implements SerialPort {

    public final List<String> params = new ArrayList<>();
    volatile boolean closed;
    volatile boolean failReads;
    private volatile boolean notify;
    private volatile @Nullable SerialPortEventListener listener;
    private final LinkedBlockingDeque<Byte> buffer = new LinkedBlockingDeque<>();
    private final String name;

    public FakeSerialPort(String name) {
        this.name = name;
    }

    /** Bytes arrive on the line: buffered, then the listener hears DATA_AVAILABLE (on the caller's thread). */
    public void receive(byte[] bytes) {
        for (byte b : bytes) {
            buffer.add(b);
        }
        SerialPortEventListener l = listener;
        if (l != null && notify && !closed) {
            l.serialEvent(new SerialPortEvent() {
                @Override
                public int getEventType() {
                    return DATA_AVAILABLE;
                }

                @Override
                public boolean getNewValue() {
                    return true;
                }
            });
        }
    }

    public boolean listening() {
        return listener != null && notify && !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void setSerialPortParams(int baudrate, int dataBits, int stopBits, int parity) {
        params.add(baudrate + " " + dataBits + " " + stopBits + " " + parity);
    }

    @Override
    public InputStream getInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (failReads) {
                    throw new IOException("Input/output error");
                }
                Byte b = buffer.poll();
                return b == null ? -1 : b & 0xFF;
            }

            @Override
            public int available() throws IOException {
                if (failReads) {
                    throw new IOException("Input/output error");
                }
                return buffer.size();
            }
        };
    }

    @Override
    public @Nullable OutputStream getOutputStream() {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void addEventListener(SerialPortEventListener listener) {
        this.listener = listener;
    }

    @Override
    public void removeEventListener() {
        this.listener = null;
    }

    @Override
    public void notifyOnDataAvailable(boolean enable) {
        notify = enable;
    }

    @Override
    public void notifyOnBreakInterrupt(boolean enable) {
    }

    @Override
    public void notifyOnFramingError(boolean enable) {
    }

    @Override
    public void notifyOnOverrunError(boolean enable) {
    }

    @Override
    public void notifyOnParityError(boolean enable) {
    }

    @Override
    public void enableReceiveTimeout(int timeout) {
    }

    @Override
    public void disableReceiveTimeout() {
    }

    @Override
    public void setFlowControlMode(int flowcontrolRtsctsOut) {
    }

    @Override
    public void enableReceiveThreshold(int i) {
    }

    @Override
    public void setRTS(boolean rts) {
    }

    // the rest of openHAB's SerialPort: not used by the source, answered as an idle line would

    @Override
    public int getBaudRate() {
        return 115200;
    }

    @Override
    public int getDataBits() {
        return DATABITS_8;
    }

    @Override
    public int getStopBits() {
        return STOPBITS_1;
    }

    @Override
    public int getParity() {
        return PARITY_NONE;
    }

    @Override
    public void notifyOnOutputEmpty(boolean enable) {
    }

    @Override
    public void notifyOnCTS(boolean enable) {
    }

    @Override
    public void notifyOnDSR(boolean enable) {
    }

    @Override
    public void notifyOnRingIndicator(boolean enable) {
    }

    @Override
    public void notifyOnCarrierDetect(boolean enable) {
    }

    @Override
    public int getFlowControlMode() {
        return FLOWCONTROL_NONE;
    }

    @Override
    public boolean isRTS() {
        return false;
    }

    @Override
    public void setDTR(boolean dtr) {
    }

    @Override
    public boolean isDTR() {
        return false;
    }

    @Override
    public boolean isCTS() {
        return false;
    }

    @Override
    public boolean isDSR() {
        return false;
    }

    @Override
    public boolean isCD() {
        return false;
    }

    @Override
    public boolean isRI() {
        return false;
    }

    @Override
    public void sendBreak(int duration) {
    }
}
