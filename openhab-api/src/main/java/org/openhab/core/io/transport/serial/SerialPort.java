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
package org.openhab.core.io.transport.serial;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.TooManyListenersException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mirror of openHAB's SerialPort.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface SerialPort extends Closeable {

    int DATABITS_5 = 5;
    int DATABITS_6 = 6;
    int DATABITS_7 = 7;
    int DATABITS_8 = 8;
    int PARITY_NONE = 0;
    int PARITY_ODD = 1;
    int PARITY_EVEN = 2;
    int PARITY_MARK = 3;
    int PARITY_SPACE = 4;
    int STOPBITS_1 = 1;
    int STOPBITS_2 = 2;
    int STOPBITS_1_5 = 3;
    int FLOWCONTROL_NONE = 0;
    int FLOWCONTROL_RTSCTS_IN = 1;
    int FLOWCONTROL_RTSCTS_OUT = 2;
    int FLOWCONTROL_XONXOFF_IN = 4;
    int FLOWCONTROL_XONXOFF_OUT = 8;

    @Override
    void close();

    void setSerialPortParams(int baudrate, int dataBits, int stopBits, int parity)
            throws UnsupportedCommOperationException;

    @Nullable
    InputStream getInputStream() throws IOException;

    @Nullable
    OutputStream getOutputStream() throws IOException;

    String getName();

    void addEventListener(SerialPortEventListener listener) throws TooManyListenersException;

    void removeEventListener();

    void notifyOnDataAvailable(boolean enable);

    void notifyOnBreakInterrupt(boolean enable);

    void notifyOnFramingError(boolean enable);

    void notifyOnOverrunError(boolean enable);

    void notifyOnParityError(boolean enable);

    void enableReceiveTimeout(int timeout) throws UnsupportedCommOperationException, IllegalArgumentException;

    void disableReceiveTimeout();

    void setFlowControlMode(int flowcontrolRtsctsOut) throws UnsupportedCommOperationException;

    void enableReceiveThreshold(int i) throws UnsupportedCommOperationException;

    void setRTS(boolean rts);

}